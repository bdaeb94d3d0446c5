import type { ProjectMarkers, ServiceClues } from '../../core/language.js';
import type { FactsBase } from '../../core/types.js';

export const PYTHON_PROJECT: ProjectMarkers = {
  manifests: ['pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py', 'setup.cfg'],
  sharedBuildFiles: [],
  sourceExtensions: ['py'],
};

export const PYTHON_SERVICES: ServiceClues = {
  clients: {
    postgres: ['psycopg', 'psycopg2', 'psycopg2-binary', 'psycopg-binary', 'asyncpg', 'pg8000'],
    redis: ['redis', 'rq', 'django-redis', 'aioredis'],
    mysql: ['mysqlclient', 'pymysql', 'mysql-connector-python', 'aiomysql', 'mariadb'],
    mongo: ['pymongo', 'motor', 'mongoengine'],
  },
  clientMatch: 'name',
  dependencySource: 'the Python dependencies',
  // The detector's normalised names, from whichever of the many Python manifests the project uses.
  dependencies: (_snapshot, facts: FactsBase | undefined) => (facts as { dependencies?: readonly string[] } | undefined)?.dependencies ?? [],
  // os.environ['NAME'], os.environ.get('NAME'), os.getenv('NAME'), env('NAME'), config('NAME')
  envReads: [/\b(?:os\.environ(?:\.get)?|os\.getenv|environ\.get|getenv|env|config|env\.str|env\.db_url|env\.url)\s*[([]\s*['"]([A-Z][A-Z0-9_]*)['"]/g],
  envFiles: [],
};

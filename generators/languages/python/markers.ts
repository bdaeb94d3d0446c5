import type { ProjectMarkers, ServiceClues } from '../../core/language.js';
import type { BackingKind, FactsBase, ProjectSnapshot } from '../../core/types.js';
import { databaseUrlsIn } from '../../core/detect/database-urls.js';

export const PYTHON_PROJECT: ProjectMarkers = {
  manifests: ['pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py', 'setup.cfg'],
  sharedBuildFiles: [],
  sourceExtensions: ['py'],
};

/** Python modules outside tests, and alembic.ini: where a service's own database is named. */
const isConfigSource = (path: string) =>
  /(^|\/)alembic\.ini$/.test(path) ||
  (path.endsWith('.py') && !/(^|\/)(tests?|testing|docs?|examples?)\//.test(path) && !/(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/.test(path));

/** SQLAlchemy URLs in code and alembic.ini, and Django's DATABASES engine. */
function databasesNamed(snapshot: ProjectSnapshot): { kind: BackingKind; evidence: string }[] {
  return snapshot.files.filter(isConfigSource).flatMap((file) => {
    const text = snapshot.read(file) ?? '';
    const engine = /django\.db\.backends\.(postgresql|mysql)\b/.exec(text)?.[1];
    return [
      ...databaseUrlsIn(file, text),
      ...(engine ? [{ kind: engine === 'mysql' ? ('mysql' as const) : ('postgres' as const), evidence: `Django's ${engine} engine in ${file}` }] : []),
    ];
  });
}

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
  databasesNamed,
};

import type { IgnoreGroup } from '../../core/types.js';
import { PYTHON_MESSAGES } from './messages.js';
import type { PythonFacts } from './types.js';

/** Python's own .dockerignore group. */
export const PYTHON_IGNORE: IgnoreGroup = {
  why: PYTHON_MESSAGES.message('ignore.python'),
  patterns: [
    '**/__pycache__',
    '*.py[cod]',
    '.venv',
    'venv',
    'env',
    '.tox',
    '.nox',
    '.pytest_cache',
    '.mypy_cache',
    '.ruff_cache',
    '*.egg-info',
    '.coverage',
    'htmlcov',
  ],
};

/** Files the generated build reads; no .gitignore line may keep them out of the context. */
export const pythonNeededByBuild = (facts: PythonFacts): string[] => [
  ...facts.dependencyFiles,
  'pyproject.toml',
  'setup.py',
  'setup.cfg',
  'Procfile',
  ...(facts.entryNeedsShell ? ['boot.sh'] : []),
  ...(facts.testInstall?.kind === 'requirements-file' ? [facts.testInstall.file] : []),
];

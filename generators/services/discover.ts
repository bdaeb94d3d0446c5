import { posix } from 'node:path';
import { scopedSnapshot } from '../core/detect/scoped-snapshot.js';
import { isKnownError } from '../core/errors.js';
import { PIPELINE } from '../pipeline/index.js';
import { serviceName } from './tokens.js';
import type { ProjectSnapshot } from '../core/types.js';

/** A folder that is a project of its own: a manifest or build file at its root. */
export interface ServiceFolder {
  readonly dir: string;
  /** The compose service name: the folder's name, as a DNS label. */
  readonly name: string;
  readonly snapshot: ProjectSnapshot;
}

/** What makes a folder a project, by language: the files a developer would run the build from. */
const MANIFESTS = [
  'go.mod',
  'package.json',
  'pyproject.toml',
  'requirements.txt',
  'Pipfile',
  'setup.py',
  'manage.py',
  'CMakeLists.txt',
  'meson.build',
  'configure.ac',
];

/** Folders that hold no service: docs, tests, tooling, deployment files, examples. */
const NOT_SERVICES =
  /^(\.|_)|^(docs?|examples?|samples?|tests?|e2e|spec|fixtures|testdata|scripts?|tools?|hack|bin|deploy(ment)?s?|infra|charts?|helm|k8s|kubernetes|terraform|ops|third_party|vendor|build|dist|out|target|coverage)$/i;

/**
 * Folders one or two levels down (`web/`, `api/`, `apps/web/`, `services/billing/`) that hold a
 * manifest at their root, outermost first: a folder inside a service is part of it.
 */
export function serviceFolders(snapshot: ProjectSnapshot): ServiceFolder[] {
  const dirs = [
    ...new Set(
      snapshot.files
        .filter((file) => MANIFESTS.includes(posix.basename(file)) && file.includes('/'))
        .map((file) => posix.dirname(file))
        .filter((dir) => dir.split('/').length <= 2 && !dir.split('/').some((part) => NOT_SERVICES.test(part))),
    ),
  ].sort();
  const found = new Set(dirs);
  // Two levels at most: a folder is outermost unless its parent is a project folder too.
  const outermost = dirs.filter((dir) => !dir.includes('/') || !found.has(posix.dirname(dir)));
  return outermost.map((dir) => ({ dir, name: serviceName(dir), snapshot: scopedSnapshot(snapshot, dir) }));
}

/** True when the root itself is a project: a manifest there, or sources at the top. */
export const rootIsProject = (snapshot: ProjectSnapshot) =>
  snapshot.files.some((file) => !file.includes('/') && (MANIFESTS.includes(file) || /\.(go|c|py|js|mjs|ts)$/.test(file)));

/** go.work, or a language's workspace: npm/pnpm/yarn workspaces, a uv workspace (an unreadable one says why later). */
export function isWorkspaceRoot(snapshot: ProjectSnapshot): boolean {
  if (snapshot.files.includes('go.work')) return true;
  try {
    return PIPELINE.workspaces(snapshot).length > 0;
  } catch (error) {
    if (isKnownError(error)) return false;
    throw error;
  }
}

import { posix } from 'node:path';
import { scopedSnapshot } from '../core/detect/scoped-snapshot.js';
import { isKnownError } from '../core/errors.js';
import type { AnyLanguage } from '../languages/registry.js';
import { allManifests, anySource, mainsWorkspacesAt } from '../pipeline/markers.js';
import type { ServicesPipeline } from './pipeline.js';
import { serviceName } from './tokens.js';
import type { ProjectSnapshot } from '../core/types.js';

/** A folder that is a project of its own: a manifest or build file at its root. */
export interface ServiceFolder {
  readonly dir: string;
  /** The compose service name: the folder's name, as a DNS label. */
  readonly name: string;
  readonly snapshot: ProjectSnapshot;
}

/** Folders that hold no service: docs, tests, tooling, deployment files, examples. */
const NOT_SERVICES =
  /^(\.|_)|^(docs?|examples?|samples?|tests?|e2e|spec|fixtures|testdata|scripts?|tools?|hack|bin|deploy(ment)?s?|infra|charts?|helm|k8s|kubernetes|terraform|ops|third_party|vendor|build|dist|out|target|coverage)$/i;

/**
 * Folders one or two levels down (`web/`, `api/`, `apps/web/`, `services/billing/`) that hold a
 * manifest at their root, outermost first: a folder inside a service is part of it.
 */
export function serviceFolders(snapshot: ProjectSnapshot, languages: readonly AnyLanguage[]): ServiceFolder[] {
  const manifests = allManifests(languages);
  const dirs = [
    ...new Set(
      snapshot.files
        .filter((file) => manifests.has(posix.basename(file)) && file.includes('/'))
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
export function rootIsProject(snapshot: ProjectSnapshot, languages: readonly AnyLanguage[]): boolean {
  const manifests = allManifests(languages);
  const source = anySource(languages);
  return snapshot.files.some((file) => !file.includes('/') && (manifests.has(file) || source.test(file)));
}

/** go.work, or a language's workspace: npm/pnpm/yarn workspaces, a uv workspace (an unreadable one says why later). */
export function isWorkspaceRoot(snapshot: ProjectSnapshot, pipeline: ServicesPipeline): boolean {
  if (mainsWorkspacesAt(pipeline.languages, snapshot.files).length > 0) return true;
  try {
    return pipeline.workspaces(snapshot).length > 0;
  } catch (error) {
    if (isKnownError(error)) return false;
    throw error;
  }
}

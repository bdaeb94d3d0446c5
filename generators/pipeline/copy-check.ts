import { Copy, Add, type Dockerfile } from 'dockerfile-ast';
import { UserError } from '../core/errors.js';
import type { UncopyableEntry } from '../core/types.js';
import { ERRORS } from '../core/explain/error-messages.js';

/** The build-context paths each COPY or ADD names (not `--from` another stage or image), as written. */
export function contextSources(dockerfile: Dockerfile): string[] {
  return dockerfile.getInstructions().flatMap((instruction) => {
    if (!(instruction instanceof Copy || instruction instanceof Add) || instruction.getFlags().some((flag) => flag.getName() === 'from')) return [];
    const json = instruction.getJSONStrings();
    const words = json.length > 0 ? json.map((word) => word.getJSONValue()) : instruction.getArguments().map((word) => word.getValue());
    return words.slice(0, -1);
  });
}

/**
 * A file the Dockerfile copies by name must be one a build can copy and then read: a FIFO named
 * go.sum would be copied as a FIFO and block `go mod download` forever; a link out of the tree
 * arrives as a dangling link. `COPY . .` copies such entries as they are and nothing reads them,
 * so only names are checked.
 */
export function assertCopiesAreFiles(dockerfile: Dockerfile, uncopyable: readonly UncopyableEntry[]): void {
  if (uncopyable.length === 0) return;
  const named = new Set(contextSources(dockerfile).map((source) => source.replace(/^\.\/+/, '').replace(/\/+$/, '')));
  const found = uncopyable.find((entry) => named.has(entry.path));
  if (found) throw new UserError(ERRORS.message('error.copy-check.dockerfile-copies-name', { path: found.path, why: found.why }));
}

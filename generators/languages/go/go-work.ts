import { posix } from 'node:path';
import { UserError } from '../../core/errors.js';

export interface GoWork {
  readonly go?: string;
  /** The modules' folders, relative to the root, as `use` lists them ("." for the root's own). */
  readonly uses: readonly string[];
}

/** go.work's `go` line and its `use` directives, single or in a block; a `use` outside the tree is refused. */
export function parseGoWork(text: string): GoWork {
  const code = text.replace(/\/\/[^\n]*/g, '');
  const go = /^\s*go\s+(\S+)\s*$/m.exec(code)?.[1];
  if (go !== undefined && !/^1\.\d+(\.\d+)?$/.test(go)) throw new UserError(`go.work: "go ${go}" is not a Go version like 1.24 or 1.24.1`);
  const listed = [
    ...[...code.matchAll(/^\s*use\s+"?([^\s"(]+)"?\s*$/gm)].map((match) => match[1]!),
    ...[...code.matchAll(/^\s*use\s*\(([\s\S]*?)\)/gm)].flatMap((block) => [...block[1]!.matchAll(/^\s*"?([^\s"]+)"?\s*$/gm)].map((match) => match[1]!)),
  ];
  const uses = listed.map((dir) => {
    const clean = posix.normalize(dir).replace(/\/$/, '');
    if (clean.startsWith('..') || clean.startsWith('/'))
      throw new UserError(`go.work: use ${dir} is outside the project; a build can only copy what is inside it`);
    return clean;
  });
  if (uses.length === 0) throw new UserError('go.work lists no module (no `use` directive)');
  return { go, uses: [...new Set(uses)] };
}

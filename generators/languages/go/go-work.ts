import { posix } from 'node:path';
import { UserError } from '../../core/errors.js';
import { ERRORS } from '../../core/explain/error-messages.js';

export interface GoWork {
  readonly go?: string;
  /** The modules' folders, relative to the root, as `use` lists them ("." for the root's own). */
  readonly uses: readonly string[];
}

/** go.work's `go` line and its `use` directives, single or in a block; a `use` outside the tree is refused. */
export function parseGoWork(text: string): GoWork {
  const code = text.replace(/\/\/[^\n]*/g, '');
  const go = /^\s*go\s+(\S+)\s*$/m.exec(code)?.[1];
  if (go !== undefined && !/^1\.\d+(\.\d+)?$/.test(go)) throw new UserError(ERRORS.message('error.go-work.go-work-go', { go }));
  const listed = [
    ...[...code.matchAll(/^\s*use\s+"?([^\s"(]+)"?\s*$/gm)].map((match) => match[1]!),
    ...[...code.matchAll(/^\s*use\s*\(([\s\S]*?)\)/gm)].flatMap((block) => [...block[1]!.matchAll(/^\s*"?([^\s"]+)"?\s*$/gm)].map((match) => match[1]!)),
  ];
  const uses = listed.map((dir) => {
    const clean = posix.normalize(dir).replace(/\/$/, '');
    if (clean.startsWith('..') || clean.startsWith('/')) throw new UserError(ERRORS.message('error.go-work.go-work-use', { dir }));
    return clean;
  });
  if (uses.length === 0) throw new UserError(ERRORS.message('error.go-work.go-work-lists'));
  return { go, uses: [...new Set(uses)] };
}

import { UserError } from '../../core/errors.js';
import { ERRORS } from '../../core/explain/error-messages.js';

export interface GoMod {
  readonly module: string;
  readonly go?: string;
  readonly toolchain?: string;
  readonly hasRequires: boolean;
  /** Every required module path, direct and indirect. */
  readonly requires: readonly string[];
}

/** Parses the directives of go.mod that matter for a build; the rest is the go tool's business. */
export function parseGoMod(text: string): GoMod {
  const code = text.replace(/\/\/[^\n]*/g, '');
  const module = /^\s*module\s+"?([^\s"]+)"?\s*$/m.exec(code)?.[1];
  if (!module) throw new UserError(ERRORS.message('error.go-mod.go-mod-has'));
  const go = /^\s*go\s+(\S+)\s*$/m.exec(code)?.[1];
  if (go !== undefined && !/^1\.\d+(\.\d+)?$/.test(go)) throw new UserError(ERRORS.message('error.go-mod.go-mod-go', { go }));
  const toolchain = /^\s*toolchain\s+go(1\.\d+(?:\.\d+)?)\S*\s*$/m.exec(code)?.[1];
  const hasRequires = /^\s*require\s*(\(\s*\S|[^\s(])/m.test(code);
  const requires = [
    ...[...code.matchAll(/^\s*require\s+"?([^\s"(]+)"?\s+\S+/gm)].map((match) => match[1]!),
    ...[...code.matchAll(/^\s*require\s*\(([\s\S]*?)\)/gm)].flatMap((block) => [...block[1]!.matchAll(/^\s*"?([^\s"]+)"?\s+v\S+/gm)].map((match) => match[1]!)),
  ];
  return { module, go, toolchain, hasRequires, requires };
}

/** "1.24.3" -> "1.24": image tags follow the minor line. */
export const minorLine = (version: string) => version.split('.').slice(0, 2).join('.');

const minorNumber = (version: string) => Number(version.split('.')[1] ?? 0);

export const newerLine = (a: string, b: string) => (minorNumber(b) > minorNumber(a) ? b : a);

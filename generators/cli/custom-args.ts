import { parse } from 'shell-quote';
import { UsageError } from '../core/errors.js';
import { SECRET_FILE } from '../core/detect/data-paths.js';
import { SECRET_NAME } from '../core/lint/rules-buildkit.js';
import { FRAGMENT_POINTS, type CopyChoice, type FragmentChoice, type FragmentPoint, type NamedValue } from '../core/types.js';

/**
 * The customisation flags, each parsed to data the templates quote. What no quoting could make safe
 * (a line break, a backslash, a secret's name in ENV or ARG) is refused here, in one line naming the
 * flag; the render guard and the lint gate check the rendered file again.
 */

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const UNSAFE_VALUE = /[\u0000-\u001f\u007f\u2028\u2029\\]/;
/** A path inside the build context or the image: plain segments, never `..`. */
const PATH = /^\/?[\w@+.-]+(?:\/[\w@+.-]+)*\/?$/;

export function namedValue(flag: '--build-arg' | '--env', text: string): NamedValue {
  const equals = text.indexOf('=');
  const name = equals < 0 ? text : text.slice(0, equals);
  const value = equals < 0 ? undefined : text.slice(equals + 1);
  if (!VARIABLE.test(name)) throw new UsageError(`${flag} takes NAME=VALUE with a NAME of letters, digits and _ (got ${JSON.stringify(text)})`);
  if (flag === '--env' && value === undefined) throw new UsageError(`--env takes NAME=VALUE (got ${JSON.stringify(text)})`);
  if (SECRET_NAME.test(name))
    throw new UsageError(
      `${flag} ${name} looks like a secret, and ${flag === '--env' ? 'ENV' : 'ARG'} values stay readable in the image; pass it at run time, or to the build as a BuildKit secret (RUN --mount=type=secret in a --fragment)`,
    );
  if (value !== undefined && UNSAFE_VALUE.test(value))
    throw new UsageError(`${flag} ${name}: the value holds a line break, a control character or a backslash`);
  return value === undefined ? { name } : { name, value };
}

export function namedValues(flag: '--build-arg' | '--env', texts: readonly string[]): NamedValue[] {
  const byName = new Map(texts.map((text) => namedValue(flag, text)).map((entry) => [entry.name, entry]));
  return [...byName.values()];
}

export function fragmentChoice(text: string): FragmentChoice {
  const [point, file] = [text.slice(0, text.indexOf('=')), text.slice(text.indexOf('=') + 1)];
  if (!text.includes('=') || !(FRAGMENT_POINTS as readonly string[]).includes(point))
    throw new UsageError(`--fragment takes POINT=FILE with POINT one of ${FRAGMENT_POINTS.join(', ')} (got ${JSON.stringify(text)})`);
  return { point: point as FragmentPoint, file: projectPath('--fragment', file) };
}

export function copyChoice(text: string): CopyChoice {
  const colon = text.indexOf(':');
  const source = projectPath('--copy', colon < 0 ? text : text.slice(0, colon));
  const target = colon < 0 ? `./${source}` : text.slice(colon + 1);
  if (!PATH.test(target) || target.split('/').includes('..'))
    throw new UsageError(`--copy SRC:DEST takes a DEST in the image, absolute or relative, without .. (got ${JSON.stringify(target)})`);
  if (source.split('/').some((segment) => SECRET_FILE.test(segment)))
    throw new UsageError(`--copy ${source}: secrets never go in a layer; mount them at run time`);
  return { source, target };
}

/** A file of the project, relative, without `..`: what --fragment and --copy name. */
function projectPath(flag: string, text: string): string {
  const path = text.replace(/^\.\//, '');
  if (!PATH.test(path) || path.startsWith('/') || path.split('/').some((part) => part === '..' || part === '.'))
    throw new UsageError(`${flag} names a path inside the project, relative and without .. (got ${JSON.stringify(text)})`);
  return path;
}

/** `--cmd "serve --port 8080"`: words as a shell splits them, written in exec form; no operator, glob or variable survives exec form, so none is taken. */
export function commandWords(flag: '--cmd' | '--entrypoint', text: string): string[] {
  if (UNSAFE_VALUE.test(text)) throw new UsageError(`${flag}: the command holds a line break, a control character or a backslash`);
  const words = parse(text, (name) => ({ op: `$${name}` }));
  const bad = words.find((word) => typeof word !== 'string') as { op?: string; pattern?: string } | undefined;
  if (bad !== undefined) {
    const shown = bad.op === 'glob' ? bad.pattern : (bad.op ?? '#');
    throw new UsageError(`${flag} is written in exec form, which runs no shell: ${JSON.stringify(shown)} would not be expanded; put the command in a script`);
  }
  if (words.length === 0) throw new UsageError(`${flag} needs a command (got ${JSON.stringify(text)})`);
  return words as string[];
}

export function userId(text: string): number {
  const id = Number(text);
  if (!/^\d+$/.test(text) || id < 1 || id > 2147483647)
    throw new UsageError(`--user-id takes a numeric id from 1 to 2147483647 (0 is root, which the image never runs as; got ${JSON.stringify(text)})`);
  return id;
}

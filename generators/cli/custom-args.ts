import { parse } from 'shell-quote';
import { UsageError } from '../core/errors.js';
import { SECRET_FILE } from '../core/detect/data-paths.js';
import { SECRET_NAME } from '../core/lint/rules-buildkit.js';
import { FRAGMENT_POINTS, type CopyChoice, type FragmentChoice, type FragmentPoint, type NamedValue } from '../core/types.js';
import { ERRORS } from '../core/explain/error-messages.js';

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
  if (!VARIABLE.test(name)) throw new UsageError(ERRORS.message('error.custom-args.takes-name-value', { flag, text: JSON.stringify(text) }));
  if (flag === '--env' && value === undefined) throw new UsageError(ERRORS.message('error.custom-args.env-takes-name', { text: JSON.stringify(text) }));
  if (SECRET_NAME.test(name))
    throw new UsageError(ERRORS.message('error.custom-args.looks-like-secret', { flag, name, value: flag === '--env' ? 'ENV' : 'ARG' }));
  if (value !== undefined && UNSAFE_VALUE.test(value)) throw new UsageError(ERRORS.message('error.custom-args.value-holds-line', { flag, name }));
  return value === undefined ? { name } : { name, value };
}

export function namedValues(flag: '--build-arg' | '--env', texts: readonly string[]): NamedValue[] {
  const byName = new Map(texts.map((text) => namedValue(flag, text)).map((entry) => [entry.name, entry]));
  return [...byName.values()];
}

export function fragmentChoice(text: string): FragmentChoice {
  const [point, file] = [text.slice(0, text.indexOf('=')), text.slice(text.indexOf('=') + 1)];
  if (!text.includes('=') || !(FRAGMENT_POINTS as readonly string[]).includes(point))
    throw new UsageError(ERRORS.message('error.custom-args.fragment-takes-point', { value: FRAGMENT_POINTS.join(', '), text: JSON.stringify(text) }));
  return { point: point as FragmentPoint, file: projectPath('--fragment', file) };
}

export function copyChoice(text: string): CopyChoice {
  const colon = text.indexOf(':');
  const source = projectPath('--copy', colon < 0 ? text : text.slice(0, colon));
  const target = colon < 0 ? `./${source}` : text.slice(colon + 1);
  if (!PATH.test(target) || target.split('/').includes('..'))
    throw new UsageError(ERRORS.message('error.custom-args.copy-src-dest', { target: JSON.stringify(target) }));
  if (source.split('/').some((segment) => SECRET_FILE.test(segment))) throw new UsageError(ERRORS.message('error.custom-args.copy-secrets-never', { source }));
  return { source, target };
}

/** A file of the project, relative, without `..`: what --fragment and --copy name. */
function projectPath(flag: string, text: string): string {
  const path = text.replace(/^\.\//, '');
  if (!PATH.test(path) || path.startsWith('/') || path.split('/').some((part) => part === '..' || part === '.'))
    throw new UsageError(ERRORS.message('error.custom-args.names-path-inside', { flag, text: JSON.stringify(text) }));
  return path;
}

/** `--cmd "serve --port 8080"`: words as a shell splits them, written in exec form; no operator, glob or variable survives exec form, so none is taken. */
export function commandWords(flag: '--cmd' | '--entrypoint', text: string): string[] {
  if (UNSAFE_VALUE.test(text)) throw new UsageError(ERRORS.message('error.custom-args.command-holds-line', { flag }));
  const words = parse(text, (name) => ({ op: `$${name}` }));
  const bad = words.find((word) => typeof word !== 'string') as { op?: string; pattern?: string } | undefined;
  if (bad !== undefined) {
    const shown = bad.op === 'glob' ? bad.pattern : (bad.op ?? '#');
    throw new UsageError(ERRORS.message('error.custom-args.written-exec-form', { flag, shown: JSON.stringify(shown) }));
  }
  if (words.length === 0) throw new UsageError(ERRORS.message('error.custom-args.needs-command-got', { flag, text: JSON.stringify(text) }));
  return words as string[];
}

export function userId(text: string): number {
  const id = Number(text);
  if (!/^\d+$/.test(text) || id < 1 || id > 2147483647) throw new UsageError(ERRORS.message('error.custom-args.user-id-takes', { text: JSON.stringify(text) }));
  return id;
}

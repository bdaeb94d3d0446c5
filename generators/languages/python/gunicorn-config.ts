import type { ProjectSnapshot } from '../../core/types.js';
import { PORT_TOKEN } from './procfile.js';

/**
 * gunicorn reads ./gunicorn.conf.py (or the file -c names) at every start, and its `bind` decides
 * where it listens unless the command line says --bind. A unix socket or a loopback address there
 * (the usual setup behind nginx on one host) makes an image nobody can reach.
 */
export interface ConfigBind {
  readonly file: string;
  readonly line: number;
  readonly address: string;
  /** A port the container can publish (0.0.0.0:5000, :5000), or none for a socket or loopback. */
  readonly port?: number;
}

const GUNICORN = /(?:^|\s)(?:exec\s+)?gunicorn(?:\s|$)/;

/** The words of the gunicorn command in an entry (argv, or the last command of a shell script). */
export function gunicornWords(entry: readonly string[]): string[] | undefined {
  if (entry[0] === 'gunicorn') return [...entry];
  if (entry[0] !== '/bin/sh') return undefined;
  const last = /(?:^|[;&]\s*)(?:[A-Za-z_]\w*=\S*\s+)*exec\s+(gunicorn\b.*)$/.exec(entry[2] ?? '')?.[1];
  return last === undefined || !GUNICORN.test(last) ? undefined : last.split(/\s+/);
}

export const hasBindFlag = (words: readonly string[]) => words.some((word) => /^(-b|--bind)(=|$)/.test(word) || /^-b\S/.test(word));

function configFile(words: readonly string[]): string {
  for (const [index, word] of words.entries()) {
    if (word === '-c' || word === '--config') return words[index + 1] ?? 'gunicorn.conf.py';
    const joined = /^(?:--config=|-c)(.+)$/.exec(word)?.[1];
    if (joined) return joined;
  }
  return 'gunicorn.conf.py';
}

/** The first address of `bind = "..."` or `bind = ["...", ...]`. */
export function configBind(snapshot: ProjectSnapshot, entry: readonly string[]): ConfigBind | undefined {
  const words = gunicornWords(entry);
  if (words === undefined || hasBindFlag(words)) return undefined;
  const file = configFile(words).replace(/^(python:|\.\/)/, '');
  const text = snapshot.read(file);
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  const index = lines.findIndex((line) => /^bind\s*=/.test(line));
  if (index === -1) return undefined;
  const address = /^bind\s*=\s*\[?\s*(["'])([^"']+)\1/.exec(lines[index]!)?.[2];
  if (address === undefined) return undefined;
  const reachable = /^(0\.0\.0\.0|\[::\]|)?:(\d{1,5})$/.exec(address);
  return { file, line: index + 1, address, ...(reachable ? { port: Number(reachable[2]) } : {}) };
}

/** The entry with --bind added after gunicorn's own words, so that it listens where the image publishes. */
export function withBind(entry: readonly string[]): string[] {
  if (entry[0] === 'gunicorn') return [...entry.slice(0, 1), '--bind', `0.0.0.0:${PORT_TOKEN}`, ...entry.slice(1)];
  return [...entry.slice(0, 2), `${(entry[2] ?? '').replace(/[;\s]+$/, '')} --bind 0.0.0.0:${PORT_TOKEN}`];
}

// semver's Range and min-version alone: its index evaluates every module it has, a cost each run pays.
import Range from 'semver/classes/range.js';
import minVersion from 'semver/ranges/min-version.js';
import { own } from '../../core/own.js';
import { NODE_LINES, NODE_LINES_AS_OF } from './policy.js';

/** Node lines with official images today, newest first (policy.ts); the first is the default (the newest LTS). */
export const NODE_MAJORS = NODE_LINES.map((line) => line.major);
export const DEFAULT_NODE_MAJOR = NODE_MAJORS[0]!;

const LTS_CODENAMES: Record<string, string> = { hydrogen: '18', iron: '20', jod: '22', krypton: '24' };

/** What besides engines narrows the line: native packages' own engines (from the lockfile), and the lines the project's CI or Dockerfile runs. */
export interface NodeEvidence {
  /** `better-sqlite3@12.5.0` → `20.x || 22.x || 23.x || 24.x || 25.x`: it compiles on those lines only. */
  readonly nativeEngines: readonly { readonly name: string; readonly range: string }[];
  /** `.github/workflows/ci.yml node-version 20`, `Dockerfile FROM node:20-alpine`. */
  readonly tested: readonly { readonly major: string; readonly source: string }[];
}

export interface NodeVersion {
  readonly major: string;
  readonly source: string;
}

/**
 * The Node major a project asks for, from its own files only: engines.node, then .nvmrc, then
 * .node-version. The machine running the generator never decides, so output is reproducible.
 */
export function nodeVersion(
  engines: string | undefined,
  nvmrc: string | undefined,
  nodeVersionFile: string | undefined,
  evidence: NodeEvidence = { nativeEngines: [], tested: [] },
): NodeVersion {
  if (engines !== undefined) {
    const range = parsed(engines);
    const allowed = range && NODE_MAJORS.filter((major) => range.intersects(lineRange(major)));
    if (allowed && allowed.length > 0) return narrowed(allowed, `engines.node "${engines}"`, evidence);
    const major = majorForRange(engines);
    if (major) return { major, source: `engines.node "${engines}"` };
  }
  for (const [file, text] of [
    ['.nvmrc', nvmrc],
    ['.node-version', nodeVersionFile],
  ] as const) {
    const wanted = text
      ?.split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !line.startsWith('#'));
    if (wanted === undefined) continue;
    const major = majorForAlias(wanted);
    if (major) return { major, source: `${file} "${wanted}"` };
  }
  const fallback = narrowed(NODE_MAJORS, '', evidence);
  return fallback.source === '' ? { major: DEFAULT_NODE_MAJOR, source: `default (the newest LTS line on ${NODE_LINES_AS_OF})` } : fallback;
}

/**
 * Of the lines a range allows, the ones every native package compiles on (its own engines, from the
 * lockfile), then the newest the project's CI or Dockerfile runs; else the newest allowed. Each step
 * that narrowed is named in the source, so the note says why.
 */
function narrowed(allowed: readonly string[], why: string, evidence: NodeEvidence): NodeVersion {
  let lines = allowed;
  const reasons = why === '' ? [] : [why];
  for (const { name, range } of evidence.nativeEngines) {
    const native = parsed(range);
    const fits = native && lines.filter((major) => native.intersects(lineRange(major)));
    if (fits && fits.length > 0 && fits.length < lines.length) {
      lines = fits;
      reasons.push(`${name} builds on "${range}"`);
    }
  }
  const tested = evidence.tested.find((item) => lines.includes(item.major));
  if (tested) return { major: tested.major, source: [...reasons, `${tested.source} runs Node ${tested.major}`].join('; ') };
  return { major: lines[0]!, source: reasons.join('; ') };
}

const parsed = (text: string): Range | undefined => {
  try {
    return new Range(text);
  } catch {
    return undefined;
  }
};

const lineRange = (major: string) => new Range(`>=${major}.0.0 <${Number(major) + 1}.0.0`);

function majorForAlias(value: string): string | undefined {
  const lower = value.toLowerCase();
  if (lower === 'node' || lower === 'lts/*' || lower === 'stable' || lower === 'latest') return DEFAULT_NODE_MAJOR;
  if (lower.startsWith('lts/')) return own(LTS_CODENAMES, lower.slice(4));
  return majorForRange(value.replace(/^v/, ''));
}

/** The newest known line the range allows; else the lowest version it names (an older line). */
function majorForRange(text: string): string | undefined {
  // Parsed once: each semver function would parse it again.
  let range: Range;
  try {
    range = new Range(text);
  } catch {
    return undefined;
  }
  const known = NODE_MAJORS.find((major) => range.intersects(new Range(`>=${major}.0.0 <${Number(major) + 1}.0.0`)));
  const lowest = minVersion(range)?.major;
  return known ?? (lowest === undefined ? undefined : String(lowest));
}

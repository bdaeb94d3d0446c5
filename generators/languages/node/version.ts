// semver's Range and min-version alone: its index evaluates every module it has, a cost each run pays.
import Range from 'semver/classes/range.js';
import minVersion from 'semver/ranges/min-version.js';
import { own } from '../../core/own.js';

/** Node lines with official images today, newest first; the first is the default (Active LTS). */
export const NODE_MAJORS = ['26', '24', '22'] as const;
export const DEFAULT_NODE_MAJOR = NODE_MAJORS[0];

const LTS_CODENAMES: Record<string, string> = { hydrogen: '18', iron: '20', jod: '22', krypton: '24' };

export interface NodeVersion {
  readonly major: string;
  readonly source: string;
}

/**
 * The Node major a project asks for, from its own files only: engines.node, then .nvmrc, then
 * .node-version. The machine running the generator never decides, so output is reproducible.
 */
export function nodeVersion(engines: string | undefined, nvmrc: string | undefined, nodeVersionFile: string | undefined): NodeVersion {
  if (engines !== undefined) {
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
  return { major: DEFAULT_NODE_MAJOR, source: 'default (current Active LTS)' };
}

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

import { diff3Merge } from 'node-diff3';

/** Lines of the user's file that the regeneration also changed, differently: 1-based, inclusive. */
export interface Conflict {
  readonly from: number;
  readonly to: number;
  /** The user's lines there, and what the regeneration wrote in their place. */
  readonly yours: readonly string[];
  readonly regenerated: readonly string[];
}

export interface Merged {
  readonly text: string;
  readonly conflicts: readonly Conflict[];
}

const lines = (text: string) => text.split('\n');

/**
 * A three-way merge, line by line, as git merges: what the user changed since the tool last wrote
 * the file (base -> yours) and what the tool changes now (base -> regenerated) both land, when they
 * touch different lines. Where both changed the same lines differently, the user's lines are kept
 * in the text and the place is a conflict, which the caller refuses to write.
 */
export function threeWayMerge(base: string, yours: string, regenerated: string): Merged {
  const out: string[] = [];
  const conflicts: Conflict[] = [];
  for (const region of diff3Merge(lines(yours), lines(base), lines(regenerated), { excludeFalseConflicts: true })) {
    if (region.ok) {
      out.push(...region.ok);
      continue;
    }
    const { a, b } = region.conflict!;
    conflicts.push({ from: out.length + 1, to: out.length + Math.max(a.length, 1), yours: a, regenerated: b });
    out.push(...a);
  }
  return { text: out.join('\n'), conflicts };
}

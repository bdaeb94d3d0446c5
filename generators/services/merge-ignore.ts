import { SHARED_IGNORE_GROUPS } from '../core/plan/dockerignore.js';
import type { IgnoreGroup } from '../core/types.js';

const SHARED: readonly string[] = SHARED_IGNORE_GROUPS;

/**
 * One set of .dockerignore groups for services that build from the same root (a JS workspace's front
 * end, a uv workspace's API): every language's own group first, then the shared groups in their
 * order, each the union of the services' lines, except the .gitignore group: of it only the lines
 * every service kept, since each drops those that would hide a file its build reads (uv.lock).
 */
export function mergeIgnoreGroups(lists: readonly (readonly IgnoreGroup[])[]): IgnoreGroup[] {
  const merged = new Map<string, IgnoreGroup>();
  const add = (group: IgnoreGroup) => {
    const known = merged.get(group.why.id);
    merged.set(group.why.id, known ? { ...known, patterns: [...new Set([...known.patterns, ...group.patterns])] } : group);
  };
  for (const list of lists) for (const group of list) if (!SHARED.includes(group.why.id)) add(group);
  for (const id of SHARED_IGNORE_GROUPS) {
    const groups = lists.map((list) => list.find((group) => group.why.id === id));
    if (id === 'ignore.gitignore') {
      const kept = groups[0]?.patterns.filter((pattern) => groups.every((group) => group?.patterns.includes(pattern))) ?? [];
      if (kept.length > 0) merged.set(id, { ...groups[0]!, patterns: kept });
    } else for (const group of groups) if (group) add(group);
  }
  return [...merged.values()];
}

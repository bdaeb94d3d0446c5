import { SHARED_MESSAGES } from '../core/explain/shared-messages.js';

interface Block {
  readonly header: readonly string[];
  readonly patterns: string[];
}

/** The .gitignore group's opening words, in every locale: its lines are what no service may need. */
const GITIGNORE_OPENINGS = Object.values(SHARED_MESSAGES.catalog).map((catalog) => `# ${catalog['ignore.gitignore'].split(' ').slice(0, 3).join(' ')}`);

/** Blank-line separated blocks: leading comment lines are the header, the other lines its patterns. */
function blocks(text: string): Block[] {
  return text
    .trimEnd()
    .split(/\n\s*\n/)
    .map((chunk) => {
      const lines = chunk.split('\n');
      const split = lines.findIndex((line) => !line.startsWith('#'));
      return split === -1 ? { header: lines, patterns: [] } : { header: lines.slice(0, split), patterns: lines.slice(split) };
    });
}

/**
 * One .dockerignore for services that build from the same root (a JS workspace's front end, a uv
 * workspace's API): every service's own groups, and of the .gitignore group only the lines all kept,
 * since a service drops those that would hide a file its build reads (uv.lock, a lockfile).
 * Groups keep the first file's order; a group only a later file has goes after the first one's first.
 */
export function mergeIgnores(first: string, later: string): string {
  const merged = blocks(first);
  const key = (block: Block) => block.header.join('\n');
  const isGitignore = (block: Block) => GITIGNORE_OPENINGS.some((opening) => block.header[0]?.startsWith(opening));
  const laterBlocks = blocks(later);
  for (const block of merged.filter(isGitignore)) {
    const kept = laterBlocks.find((other) => isGitignore(other))?.patterns ?? [];
    block.patterns.splice(0, block.patterns.length, ...block.patterns.filter((pattern) => pattern.startsWith('!') || kept.includes(pattern)));
  }
  let insertAt = Math.min(2, merged.length);
  for (const block of laterBlocks.slice(1)) {
    if (isGitignore(block)) continue;
    const same = merged.find((mine) => key(mine) === key(block));
    if (same) same.patterns.push(...block.patterns.filter((pattern) => !same.patterns.includes(pattern)));
    else merged.splice(insertAt++, 0, { header: block.header, patterns: [...block.patterns] });
  }
  return `${merged
    .filter((block) => block.patterns.length > 0 || block === merged[0])
    .map((block) => [...block.header, ...block.patterns].join('\n'))
    .join('\n\n')}\n`;
}

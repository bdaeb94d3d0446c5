import type { GeneratedFile } from '../core/types.js';
import type { GenerationResult } from '../languages/registry.js';
import { PIPELINE } from '../pipeline/index.js';

/** `--dry-run`: every file under a header line, ready to read or to split. */
export const dryRunText = (files: readonly GeneratedFile[]) => files.map((file) => `==> ${file.path} <==\n${file.content}`).join('\n');

export const jsonText = (result: GenerationResult) => JSON.stringify({ facts: result.facts, plan: result.plan, files: result.files }, null, 2) + '\n';

/** The short summary after generation: what was chosen and why, then what to run next. */
export function summaryLines(result: GenerationResult): string[] {
  const { plan, facts } = result;
  return [
    ...(facts.language === 'node' && facts.framework ? [`framework: ${facts.framework.name} (${facts.framework.source})`] : []),
    ...(facts.language === 'node' && facts.start.length > 0
      ? [`start: node ${facts.start.join(' ')} (${facts.startSource})${facts.startGuessed ? ' (a guess: --start settles it)' : ''}`]
      : []),
    `runtime: ${plan.runtime} (${plan.runtimeImage}): ${PIPELINE.say(plan.runtimeReason)}`,
    `port: ${plan.port ?? 'none (no listener found: runs as a command)'}`,
    ...plan.notes.map((note) => `note: ${PIPELINE.say(note)}`),
    `next: ${plan.nextCommand}`,
  ];
}

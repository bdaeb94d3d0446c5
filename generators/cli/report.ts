import type { GeneratedFile } from '../core/types.js';
import type { GenerationResult } from '../languages/registry.js';
import { PIPELINE } from '../pipeline/index.js';
import type { Locale } from '../core/explain/messages.js';
import { cliText } from './messages.js';

/** `--dry-run`: every file under a header line, ready to read or to split. */
export const dryRunText = (files: readonly GeneratedFile[]) => files.map((file) => `==> ${file.path} <==\n${file.content}`).join('\n');

export const jsonText = (result: GenerationResult) => JSON.stringify({ facts: result.facts, plan: result.plan, files: result.files }, null, 2) + '\n';

/** The short summary after generation: what was chosen and why, then what to run next. */
export function summaryLines(result: GenerationResult, locale: Locale = 'en'): string[] {
  const { plan, facts } = result;
  const text = (id: Parameters<typeof cliText>[1], args?: Parameters<typeof cliText>[2]) => cliText(locale, id, args);
  return [
    ...(facts.language === 'node' && facts.framework ? [text('cli.summary.framework', { name: facts.framework.name, source: facts.framework.source })] : []),
    ...(facts.language === 'node' && facts.start.length > 0
      ? [text(facts.startGuessed ? 'cli.summary.start.guessed' : 'cli.summary.start', { start: facts.start.join(' '), source: facts.startSource })]
      : []),
    text('cli.summary.runtime', { runtime: plan.runtime, image: plan.runtimeImage, reason: PIPELINE.say(plan.runtimeReason, locale) }),
    plan.port === undefined ? text('cli.summary.port.none') : text('cli.summary.port', { port: plan.port }),
    ...plan.notes.map((note) => text('cli.summary.note', { text: PIPELINE.say(note, locale) })),
    text('cli.summary.next', { command: plan.nextCommand }),
  ];
}

import type { ExplainedFile, VerdictKind } from './explain-file.js';
import { FILE_MESSAGES } from './file-messages.js';
import type { Locale } from './messages.js';
import { say } from './say.js';
import { sayFinding } from '../lint/messages.js';

const MARKS: Record<VerdictKind, 'explain.mark.good' | 'explain.mark.fix' | 'explain.mark.note'> = {
  good: 'explain.mark.good',
  fix: 'explain.mark.fix',
  note: 'explain.mark.note',
};

/**
 * The explanation as the terminal shows it: a heading, then per instruction its line(s) and source,
 * what it does, and one indented line per verdict and lint finding, each in `locale`.
 */
export function explainedText(file: string, explained: ExplainedFile, locale: Locale): string {
  const text = (id: string, args?: Record<string, unknown>) => say(FILE_MESSAGES.catalog, locale, id, args);
  const count = explained.instructions.filter((item) => !item.keyword.startsWith('#')).length;
  if (count === 0) return `${text('explain.file.empty', { file })}\n`;
  const counted = (noun: string, value: number) =>
    text(`explain.count.${noun}.${value === 0 && noun === 'finding' ? 'none' : value === 1 ? 'one' : 'many'}`, { count: value });
  const heading = {
    file,
    instructions: counted('instruction', count),
    stages: counted('stage', explained.stages),
    findings: counted('finding', explained.findings),
  };
  const labelled = (label: string, said: string) => text('explain.labelled', { label, text: said });
  const lines = [text('explain.file.heading', heading), ''];
  for (const item of explained.instructions) {
    const where = item.end > item.line ? text('explain.file.lines', { line: item.line, end: item.end }) : text('explain.file.line', { line: item.line });
    lines.push(`${labelled(where, clip(item.source))}`);
    lines.push(`    ${text(item.what.id, item.what.args)}`);
    for (const verdict of item.verdicts) lines.push(`    ${labelled(text(MARKS[verdict.kind]), text(verdict.message.id, verdict.message.args))}`);
    for (const finding of item.findings) lines.push(`    ${labelled(`${text('explain.mark.lint')} ${finding.rule}`, sayFinding(finding, locale))}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

/** A long RUN is shown by its start: the explanation is about it, not a copy of it. */
const clip = (source: string, width = 100) => (source.length > width ? `${source.slice(0, width - 1)}…` : source);

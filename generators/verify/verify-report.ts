import type { Layer } from './history.js';
import type { Locale, Message } from '../core/explain/messages.js';
import { decimal, megabytes, savedPercent } from '../core/explain/numbers.js';
import { VERIFY_MESSAGES, type VerifyMessageId } from '../core/explain/verify-messages.js';

export interface Check {
  /** What was checked: a catalog label, or a compose service's own name (`compose.service`). */
  readonly name: Message;
  readonly ok: boolean;
  readonly detail: Message;
}

export interface SizeRow {
  readonly label: VerifyMessageId;
  readonly bytes: number;
}

export interface VerifyReport {
  readonly checks: readonly Check[];
  /** The image's user as docker says it; empty when no USER is set. */
  readonly image?: { readonly tag: string; readonly user: string; readonly entrypoint: string; readonly cmd: string; readonly kept: boolean };
  readonly sizes: readonly SizeRow[];
  readonly layers: readonly Layer[];
  /** --compare: the naive single-stage image against the generated one. */
  readonly comparison?: { readonly naive: SizeRow; readonly generated: SizeRow };
}

const BAR_WIDTH = 30;

/** A terminal bar proportional to `value / max`; any non-empty value shows at least a sliver. */
export function bar(value: number, max: number, width = BAR_WIDTH): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + (eighths % 8 === 0 ? '' : ' ▏▎▍▌▋▊▉'[eighths % 8]);
}

/** verify's own sentences in `locale`; a check's detail may hold a smoke summary, said from the same catalog. */
export const sayVerify = (locale: Locale, message: Message) => VERIFY_MESSAGES.text(locale, message.id as VerifyMessageId, message.args);

function sizeLines(rows: readonly SizeRow[], locale: Locale): string[] {
  const text = (id: VerifyMessageId) => VERIFY_MESSAGES.text(locale, id);
  const max = Math.max(...rows.map((row) => row.bytes));
  const label = Math.max(...rows.map((row) => text(row.label).length));
  const digits = Math.max(...rows.map((row) => String(row.bytes).length));
  return rows.map(
    (row) =>
      `  ${text(row.label).padEnd(label)}  ${String(row.bytes).padStart(digits)} ${text('report.bytes')}  ${megabytes(row.bytes, locale).padStart(9)} ${text('report.mb')}  ${bar(row.bytes, max)}`,
  );
}

/** The report verify prints: checks, the image, sizes, layers and --compare's reduction, in `locale`. */
export function formatReport(report: VerifyReport, locale: Locale = 'en'): string {
  const text = (id: VerifyMessageId, args?: Message['args']) => VERIFY_MESSAGES.text(locale, id, args);
  const out: string[] = [];
  const names = report.checks.map((check) => sayVerify(locale, check.name));
  const nameWidth = Math.max(9, ...names.map((name) => name.length));
  const verdicts = [text('check.pass'), text('check.fail')];
  const verdictWidth = Math.max(...verdicts.map((verdict) => verdict.length));
  report.checks.forEach((check, index) =>
    out.push(`  ${(check.ok ? verdicts[0]! : verdicts[1]!).padEnd(verdictWidth)}  ${names[index]!.padEnd(nameWidth)} ${sayVerify(locale, check.detail)}`),
  );
  if (report.image) {
    const { image } = report;
    const labels = [text('report.image'), text('report.user'), 'entrypoint', 'cmd'];
    const width = Math.max(...labels.map((label) => label.length)) + 2;
    out.push('', `  ${labels[0]!.padEnd(width)}${image.tag} ${image.kept ? text('report.image.kept') : text('report.image.removed')}`);
    out.push(
      `  ${labels[1]!.padEnd(width)}${image.user || text('check.user.none')}`,
      `  ${labels[2]!.padEnd(width)}${image.entrypoint}`,
      `  ${labels[3]!.padEnd(width)}${image.cmd}`,
    );
  }
  if (report.sizes.length > 0) out.push('', text('report.sizes'), ...sizeLines(report.sizes, locale));
  if (report.layers.length > 0) {
    const max = Math.max(...report.layers.map((layer) => layer.bytes));
    out.push('', text('report.layers'));
    for (const layer of report.layers) {
      const instruction = layer.instruction.length > 72 ? `${layer.instruction.slice(0, 71)}…` : layer.instruction;
      out.push(`  ${megabytes(layer.bytes, locale).padStart(9)} ${text('report.mb')}  ${bar(layer.bytes, max, 20).padEnd(20)}  ${instruction}`);
    }
    out.push(`  ${text('report.layers.note')}`);
  }
  if (report.comparison) {
    const { naive, generated } = report.comparison;
    out.push('', text('report.compare'), ...sizeLines([naive, generated], locale));
    out.push(
      `  ${text('report.reduction', { percent: decimal(savedPercent(naive.bytes, generated.bytes), 1, locale), times: decimal(naive.bytes / generated.bytes, 1, locale) })}`,
    );
  }
  const failed = report.checks.filter((check) => !check.ok).length;
  out.push('', failed === 0 ? text('report.passed') : failed === 1 ? text('report.failed.one') : text('report.failed.many', { count: failed }));
  return out.join('\n') + '\n';
}

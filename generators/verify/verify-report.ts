import type { Layer } from './history.js';

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface SizeRow {
  readonly label: string;
  readonly bytes: number;
}

export interface VerifyReport {
  readonly checks: readonly Check[];
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

export const megabytes = (bytes: number) => (bytes / 1e6).toFixed(2);

/** Percent saved by going from `before` to `after`. */
export const reduction = (before: number, after: number) => (before <= 0 ? 0 : (1 - after / before) * 100);

function sizeLines(rows: readonly SizeRow[]): string[] {
  const max = Math.max(...rows.map((row) => row.bytes));
  const label = Math.max(...rows.map((row) => row.label.length));
  const digits = Math.max(...rows.map((row) => String(row.bytes).length));
  return rows.map(
    (row) => `  ${row.label.padEnd(label)}  ${String(row.bytes).padStart(digits)} bytes  ${megabytes(row.bytes).padStart(9)} MB  ${bar(row.bytes, max)}`,
  );
}

export function formatReport(report: VerifyReport): string {
  const out: string[] = [];
  for (const check of report.checks) out.push(`  ${check.ok ? 'PASS' : 'FAIL'}  ${check.name.padEnd(9)} ${check.detail}`);
  if (report.image) {
    const { image } = report;
    out.push('', `  image       ${image.tag}${image.kept ? ' (kept: --keep)' : ' (removed after this report; --keep keeps it)'}`);
    out.push(`  user        ${image.user}`, `  entrypoint  ${image.entrypoint}`, `  cmd         ${image.cmd}`);
  }
  if (report.sizes.length > 0) out.push('', 'Sizes (docker image inspect .Size):', ...sizeLines(report.sizes));
  if (report.layers.length > 0) {
    const max = Math.max(...report.layers.map((layer) => layer.bytes));
    out.push('', 'Layers of the final image, oldest first (docker image history):');
    for (const layer of report.layers) {
      const instruction = layer.instruction.length > 72 ? `${layer.instruction.slice(0, 71)}…` : layer.instruction;
      out.push(`  ${megabytes(layer.bytes).padStart(9)} MB  ${bar(layer.bytes, max, 20).padEnd(20)}  ${instruction}`);
    }
    out.push('  (0-byte rows change only the image config; a RUN that deletes files still adds a layer: it cannot shrink the ones below.)');
  }
  if (report.comparison) {
    const { naive, generated } = report.comparison;
    out.push('', 'Compared with the naive single-stage build (--compare):', ...sizeLines([naive, generated]));
    out.push(`  reduction: ${reduction(naive.bytes, generated.bytes).toFixed(1)} % (${(naive.bytes / generated.bytes).toFixed(1)} times smaller)`);
  }
  const failed = report.checks.filter((check) => !check.ok).length;
  out.push('', failed === 0 ? 'verify: every check passed' : `verify: ${failed} check${failed === 1 ? '' : 's'} failed`);
  return out.join('\n') + '\n';
}

import Handlebars from 'handlebars';
import type { Locale } from '../core/explain/messages.js';
import { REPORT_MESSAGES, type ReportMessageId } from '../core/explain/report-messages.js';
import { decimal, megabytes, savedText } from '../core/explain/numbers.js';

/** One bar of the size chart and row of the table: a ladder step, or compare's naive and generated images. */
export interface ReportStep {
  readonly label: string;
  readonly bytes?: number;
  readonly layers?: number;
  readonly seconds?: number;
  readonly user?: string;
  /** Bytes of the step before that has a size, to say what this one saved; undefined for the first. */
  readonly before?: number;
  readonly run?: { readonly ok: boolean; readonly summary: string };
  /** Why the step has no numbers. */
  readonly skipped?: string;
}

export interface ReportData {
  readonly project: string;
  readonly date: string;
  readonly docker: string;
  readonly steps: readonly ReportStep[];
  readonly layers: readonly { readonly bytes: number; readonly instruction: string }[];
  readonly findings: readonly { readonly line: number; readonly rule: string; readonly text: string }[];
  readonly checks: readonly { readonly name: string; readonly ok: boolean; readonly detail: string }[];
}

// Every value from the project or docker is escaped: a layer's instruction or a check's output can hold markup.
const escape = (text: string | number) => Handlebars.escapeExpression(String(text));

/**
 * The report as one self-contained HTML file: inline CSS, an inline SVG chart, no script and nothing
 * fetched, so it opens offline and prints. Each number in the chart is the same text as in the table.
 */
export function htmlReport(data: ReportData, locale: Locale): string {
  const t = (id: ReportMessageId, args?: Record<string, string | number>) => escape(REPORT_MESSAGES.text(locale, id, args));
  const mb = (bytes: number) => megabytes(bytes, locale);
  const title = t('report.title', { project: data.project });
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="create-dockerfile">
<title>${title}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border-bottom: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 13px ui-monospace, monospace; word-break: break-all; }
.fail { color: #a00; font-weight: bold; } .pass { color: #060; }
svg text { font: 12px system-ui, sans-serif; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, svg { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${title}</h1>
<p>${t('report.generated', { date: data.date, docker: data.docker })}</p>
<h2>${t('report.sizes')}</h2>
${sizeChart(data.steps, t('report.sizes.chart'), mb)}
${stepTable(data.steps, t, mb, locale)}
<h2>${t('report.layers')}</h2>
${layerTable(data.layers, t, mb)}
<h2>${t('report.findings')}</h2>
${findingTable(data.findings, t)}
<h2>${t('report.checks')}</h2>
${checkTable(data.checks, t)}
</body>
</html>
`;
}

type Say = (id: ReportMessageId, args?: Record<string, string | number>) => string;

/** Horizontal bars, one per step with a size, each labelled with its MB value as the table shows it. */
function sizeChart(steps: readonly ReportStep[], caption: string, mb: (bytes: number) => string): string {
  const sized = steps.filter((step) => step.bytes !== undefined);
  const max = Math.max(1, ...sized.map((step) => step.bytes!));
  const row = 28;
  const label = 190;
  const width = 720;
  const bars = sized
    .map((step, index) => {
      const length = Math.max(1, Math.round((step.bytes! / max) * (width - label - 90)));
      const y = index * row + 4;
      return `<g class="bar" data-mb="${mb(step.bytes!)}"><text x="0" y="${y + 15}">${escape(step.label)}</text><rect x="${label}" y="${y}" width="${length}" height="${row - 10}" fill="#3b6ea8"></rect><text x="${label + length + 6}" y="${y + 15}">${mb(step.bytes!)}</text></g>`;
    })
    .join('\n');
  return `<figure><svg role="img" aria-label="${caption}" width="${width}" height="${sized.length * row + 8}" viewBox="0 0 ${width} ${sized.length * row + 8}" xmlns="http://www.w3.org/2000/svg">
${bars}
</svg><figcaption>${caption}</figcaption></figure>`;
}

function stepTable(steps: readonly ReportStep[], t: Say, mb: (bytes: number) => string, locale: Locale): string {
  const head = `<tr><th>${t('report.column.step')}</th><th class="num">${t('report.column.size')}</th><th class="num">${t('report.column.layers')}</th><th class="num">${t('report.column.build')}</th><th>${t('report.column.user')}</th><th class="num">${t('report.column.saved')}</th><th>${t('report.column.run')}</th></tr>`;
  const rows = steps.map((step) => {
    if (step.bytes === undefined)
      return `<tr class="step"><td>${escape(step.label)}</td><td colspan="6">${escape(step.skipped ?? t('report.skipped'))}</td></tr>`;
    const saved = step.before === undefined ? '' : savedText(step.before, step.bytes, locale);
    const run = step.run
      ? `<span class="${step.run.ok ? 'pass' : 'fail'}">${step.run.ok ? t('report.pass') : t('report.fail')}</span> ${escape(step.run.summary)}`
      : '';
    return `<tr class="step"><td>${escape(step.label)}</td><td class="num size">${mb(step.bytes)}</td><td class="num">${step.layers ?? ''}</td><td class="num">${step.seconds === undefined ? '' : decimal(step.seconds, 1, locale)}</td><td>${escape(step.user ?? '')}</td><td class="num">${saved}</td><td>${run}</td></tr>`;
  });
  return `<table class="steps">${head}\n${rows.join('\n')}</table>`;
}

function layerTable(layers: ReportData['layers'], t: Say, mb: (bytes: number) => string): string {
  const sorted = [...layers].sort((a, b) => b.bytes - a.bytes);
  const rows = sorted.map((layer) => `<tr><td class="num">${mb(layer.bytes)}</td><td><code>${escape(layer.instruction)}</code></td></tr>`);
  return `<table class="layers"><tr><th class="num">${t('report.column.size')}</th><th>${t('report.column.layer')}</th></tr>\n${rows.join('\n')}</table>`;
}

function findingTable(findings: ReportData['findings'], t: Say): string {
  if (findings.length === 0) return `<p>${t('report.findings.none')}</p>`;
  const rows = findings.map((finding) => `<tr><td class="num">${finding.line}</td><td>${escape(finding.rule)}</td><td>${escape(finding.text)}</td></tr>`);
  return `<table class="findings"><tr><th class="num">${t('report.column.line')}</th><th>${t('report.column.rule')}</th><th>${t('report.column.finding')}</th></tr>\n${rows.join('\n')}</table>`;
}

function checkTable(checks: ReportData['checks'], t: Say): string {
  const rows = checks.map(
    (check) =>
      `<tr><td>${escape(check.name)}</td><td><span class="${check.ok ? 'pass' : 'fail'}">${check.ok ? t('report.pass') : t('report.fail')}</span> ${escape(check.detail)}</td></tr>`,
  );
  return `<table class="checks"><tr><th>${t('report.column.check')}</th><th>${t('report.column.result')}</th></tr>\n${rows.join('\n')}</table>`;
}

/** Marks a file as this tool's report: only such a file is replaced by the next report. */
export const REPORT_MARK = '<meta name="generator" content="create-dockerfile">';

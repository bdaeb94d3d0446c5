// Issue 30: `verify --ladder` on each bundled example project: every step that applies is written,
// built with docker and run (the hardened step with --read-only --cap-drop ALL); sizes never grow
// from one step to the next; the user is root until the non-root step.
import { jest } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../generators/util/package-root.js';
import { requireEngine } from '../harness/engine.js';
import { removeDir, runCli } from '../harness/project.js';
import { MACHINE_CA } from '../harness/machine-ca.js';
import { renderReport, requireChromium } from '../harness/chromium.js';

jest.setTimeout(20 * 60_000);

beforeAll(requireEngine);
beforeAll(requireChromium);

/** The table's rows that hold numbers: step and its name, size in MB as printed and as a number, layers, user, run. */
function measuredRows(table: string): { step: number; label: string; size: string; mb: number; layers: number; user: string; run: string }[] {
  return table
    .split('\n')
    .map((line) => /^((\d) .+?) {2,}(\d+[.,]\d\d) +(\d+) +(?:\d+[.,]\d +)?(\S+) +(?:-[\d.,]+ %|=)? *(\S.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({
      step: Number(match[2]),
      label: match[1]!,
      size: match[3]!,
      mb: Number(match[3]!.replace(',', '.')),
      layers: Number(match[4]),
      user: match[5]!,
      run: match[6]!,
    }));
}

/** The word the table prints for a step that ran, in each language. */
const RUNS = { en: 'runs', fr: 'tourne' } as const;

/** Every bundled example, each in CI (issue 30: the ladder on the Go, Node, Python and C examples). */
const EXAMPLES = ['hello-go', 'hello-c', 'hello-node', 'hello-python'];

/** Each example in one language, both languages among the compiled ones CI runs. */
const LANGUAGE: Record<string, 'en' | 'fr'> = { 'hello-go': 'en', 'hello-c': 'fr', 'hello-node': 'fr', 'hello-python': 'en' };

describe.each(EXAMPLES)('%s', (example) => {
  test('each applicable step is written, built and run; sizes shrink or stay equal; root until step 5; the report shows the same numbers in Chromium', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cdf-ladder-'));
    const dir = join(parent, example);
    const lang = LANGUAGE[example]!;
    const report = join(parent, `ladder-${example}.html`);
    cpSync(join(packageRoot, 'examples', example), dir, { recursive: true });
    try {
      const run = await runCli(['verify', dir, '--ladder', '--lang', lang, '--report', report, '--ca-cert', MACHINE_CA], { timeoutMs: 18 * 60_000 });
      expect([run.exitCode, run.exitCode === 0 ? '' : `${run.stdout}\n${run.stderr.slice(-3000)}`]).toEqual([0, '']);
      const rows = measuredRows(run.stdout);
      const written = readdirSync(join(dir, 'ladder')).sort();
      // Every row with numbers has its Dockerfile, but the hardened run, which reuses step 5's image.
      expect(rows.filter((row) => row.step !== 6).map((row) => written.find((file) => file.startsWith(`${row.step}-`)))).not.toContain(undefined);
      expect(rows.map((row) => row.step)).toEqual(expect.arrayContaining([1, 2, 4, 5, 6]));
      for (let index = 1; index < rows.length; index++) expect([rows[index]!.step, rows[index]!.mb <= rows[index - 1]!.mb]).toEqual([rows[index]!.step, true]);
      expect(rows.filter((row) => row.step <= 3).map((row) => row.user)).toEqual(rows.filter((row) => row.step <= 3).map(() => 'root'));
      expect(rows.filter((row) => row.step >= 5).map((row) => row.user)).toEqual(['65532:65532', '65532:65532']);
      expect(rows.map((row) => row.run)).toEqual(rows.map(() => RUNS[lang]));
      expect(rows.at(-1)!.mb).toBeLessThan(rows[0]!.mb);
      // Each file begins by saying which step it is and what it changed.
      expect(readFileSync(join(dir, 'ladder', '1-single.Dockerfile'), 'utf8')).toMatch(
        lang === 'en' ? /^# Ladder step 1 of 6: single stage\./ : /^# Étape 1 sur 6 de l’échelle/,
      );
      expect(existsSync(join(dir, 'ladder', '6-hardened.Dockerfile'))).toBe(false);

      // The HTML report, as a person sees it in Chromium (JavaScript off, no request allowed).
      const page = await renderReport(report, `ladder-${example}-${lang}.png`);
      console.log(`ladder report screenshot: ${page.screenshot}`);
      expect(page.problems).toEqual([]);
      // One bar per measured step, labelled as the CLI's table names it, with the size the CLI printed.
      expect(page.chart.map((bar) => [bar.label, bar.value])).toEqual(rows.map((row) => [row.label, row.size]));
      // Bars are drawn to scale: the first step's the longest, none longer than a bigger step's.
      for (let index = 1; index < page.chart.length; index++) expect(page.chart[index]!.width).toBeLessThanOrEqual(page.chart[index - 1]!.width);
      // The table: every step of the CLI's, the measured ones with the same size, layers and user.
      const measured = page.table.filter((cells) => cells.length > 2);
      expect(measured.map((cells) => [cells[0], cells[1], Number(cells[2]), cells[4]])).toEqual(rows.map((row) => [row.label, row.size, row.layers, row.user]));
      expect(page.table.map((cells) => cells[0]!.slice(0, 1))).toEqual(['1', '2', '3', '4', '5', '6']);
      expect(page.headings).toHaveLength(5);
      // On an A4 page in print media, no table or chart runs past the page's edge.
      expect(page.print.widest).toBeLessThanOrEqual(page.print.page);
      expect(statSync(page.screenshot).size).toBeGreaterThan(10_000);
    } finally {
      removeDir(parent);
    }
  });
});

// Issue 30: the HTML report is one self-contained file (no script, nothing fetched) whose chart and
// table say the same numbers, with every value from the project or docker escaped.
import { htmlReport, type ReportData } from '../../generators/verify/html-report.js';

const DATA: ReportData = {
  project: 'hello<script>',
  date: '2026-12-07',
  docker: '20.10.24',
  steps: [
    { label: '1 single stage', bytes: 974_030_000, layers: 7, seconds: 16.2, user: 'root', run: { ok: true, summary: 'HTTP 200 on port 8080' } },
    { label: '2 multi-stage', bytes: 888_830_000, layers: 7, seconds: 0.7, user: 'root', before: 974_030_000, run: { ok: true, summary: 'HTTP 200' } },
    { label: '3 slim base', skipped: 'does not apply: the build image is already slim' },
    { label: '5 non-root', bytes: 6_050_000, layers: 2, seconds: 0.2, user: '65532:65532', before: 888_830_000, run: { ok: false, summary: 'exited <1>' } },
  ],
  layers: [
    { bytes: 250_000, instruction: 'COPY /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/' },
    { bytes: 5_780_000, instruction: 'COPY /out/<app> /usr/local/bin/app' },
  ],
  findings: [{ line: 3, rule: 'DL3007', text: 'Using latest is prone to errors: a&b:latest uses latest' }],
  checks: [{ name: 'non-root', ok: true, detail: 'runs as 65532:65532' }],
};

test('self-contained: no script, no external resource, a generator mark', () => {
  const html = htmlReport(DATA, 'en');
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/(src|href)=["']?https?:/i);
  expect(html).not.toMatch(/@import|url\(/);
  expect(html).toContain('<meta name="generator" content="create-dockerfile">');
});

test('values from the project and docker are escaped', () => {
  const html = htmlReport(DATA, 'en');
  expect(html).toContain('hello&lt;script&gt;');
  expect(html).toContain('COPY /out/&lt;app&gt; /usr/local/bin/app');
  expect(html).toContain('a&amp;b:latest');
  expect(html).toContain('exited &lt;1&gt;');
});

test('the chart and the table show the same MB, step by step; a skipped step has a row and no bar', () => {
  const html = htmlReport(DATA, 'en');
  const bars = [...html.matchAll(/<g class="bar" data-mb="([\d.]+)"><text[^>]*>([^<]+)<\/text>/g)].map((match) => [match[2], match[1]]);
  const rows = [...html.matchAll(/<tr class="step"><td>([^<]+)<\/td><td class="num size">([\d.]+)<\/td>/g)].map((match) => [match[1], match[2]]);
  expect(bars).toEqual([
    ['1 single stage', '974.03'],
    ['2 multi-stage', '888.83'],
    ['5 non-root', '6.05'],
  ]);
  expect(rows).toEqual(bars);
  expect(html).toContain('<td>3 slim base</td><td colspan="6">does not apply: the build image is already slim</td>');
  // Largest layer first.
  expect(html.indexOf('/usr/local/bin/app')).toBeLessThan(html.indexOf('ca-certificates.crt'));
});

test('in French: labels, and decimals with a comma', () => {
  const html = htmlReport(DATA, 'fr');
  expect(html).toContain('<html lang="fr">');
  expect(html).toContain('<h2>Couches de l&#x27;image finale, par taille (docker image history)</h2>');
  expect(html).toContain('data-mb="974,03"');
  // (974.03 - 888.83) / 974.03 = 8.747 %
  expect(html).toContain('-8,7 %');
});

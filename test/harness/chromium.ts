import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { packageRoot } from '../../generators/util/package-root.js';

/** Debian's chromium (CI installs it); CHROMIUM_BIN names another. */
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/** Where tests keep what a person looks at afterwards (screenshots); CI prints the folder. */
export const ARTIFACTS = process.env.CREATE_DOCKERFILE_ARTIFACTS ?? join(packageRoot, 'test-artifacts');

/** Like requireEngine: with no browser the test fails with one line, never skips. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`the report test needs a Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_BIN)`);
}

/** What a person sees of the report: the chart's bars and the table's rows, as rendered text. */
export interface RenderedReport {
  /** Console errors, page errors and any request the page made: a self-contained file makes none. */
  readonly problems: readonly string[];
  readonly chart: readonly { readonly label: string; readonly value: string; readonly width: number }[];
  readonly table: readonly (readonly string[])[];
  readonly headings: readonly string[];
  /** The run checks' rows: name, then verdict and detail. */
  readonly checks: readonly (readonly string[])[];
  /** In print media: the widest table or chart against the page's width, so nothing is cut off on paper. */
  readonly print: { readonly widest: number; readonly page: number };
  readonly screenshot: string;
}

// Run in the page (as text: this package's TypeScript has no DOM types). textContent, not innerText:
// with JavaScript off the page still has a DOM, and these cells hold plain text.
const READ_REPORT = `(() => ({
  chart: [...document.querySelectorAll('svg g.bar')].map((bar) => {
    const texts = [...bar.querySelectorAll('text')].map((text) => text.textContent || '');
    return { label: texts[0] || '', value: texts[1] || '', width: bar.querySelector('rect')?.getBoundingClientRect().width ?? 0 };
  }),
  table: [...document.querySelectorAll('table.steps tr.step')].map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent || '').trim())),
  headings: [...document.querySelectorAll('h1, h2')].map((node) => (node.textContent || '').trim()),
  checks: [...document.querySelectorAll('table.checks tr')].slice(1).map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent || '').trim())),
}))()`;

const PRINT_WIDTHS = `(() => ({
  widest: Math.max(...[...document.querySelectorAll('table, svg')].map((node) => node.getBoundingClientRect().right)),
  page: document.documentElement.clientWidth,
}))()`;

/**
 * Opens an HTML report in headless Chromium with JavaScript off (the report must need none), every
 * network request refused and recorded, reads back what it shows, and keeps a full-page screenshot.
 */
export async function renderReport(file: string, screenshotName: string): Promise<RenderedReport> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const url = pathToFileURL(file).href;
    page.on('request', (request) => {
      if (request.url() !== url) problems.push(`request: ${request.url()}`);
    });
    await page.route(/^https?:/, (route) => route.abort());
    await page.goto(url, { waitUntil: 'load' });
    const shown = await page.evaluate<Pick<RenderedReport, 'chart' | 'table' | 'headings' | 'checks'>>(READ_REPORT);
    mkdirSync(ARTIFACTS, { recursive: true });
    const screenshot = join(ARTIFACTS, screenshotName);
    await page.screenshot({ path: screenshot, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    const print = await page.evaluate<RenderedReport['print']>(PRINT_WIDTHS);
    return { problems, ...shown, print, screenshot };
  } finally {
    await browser.close();
  }
}

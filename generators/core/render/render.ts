import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import type { Facts, GeneratedFile, Plan } from '../types.js';
import { comment, execForm, shellWord } from './quote.js';

export interface RenderOptions {
  /** Built-in templates folder. */
  readonly templatesDir: string;
  /**
   * Folders laid out like templates/ (shared/, <language>/, each with partials/) whose files override
   * the built-in ones of the same path; later folders win.
   */
  readonly overrideDirs?: readonly string[];
}

/** Files each language folder renders, template name -> output path. */
const OUTPUTS: Record<string, string> = {
  'Dockerfile.hbs': 'Dockerfile',
  'dockerignore.hbs': '.dockerignore',
};

/**
 * Renders with a fresh Handlebars instance each time, so helpers and partials never leak between
 * renders. `noEscape` because Dockerfiles are not HTML, `strict` so that a typo in a template fails
 * loudly instead of rendering an empty string.
 */
export function render(facts: Facts, plan: Plan, options: RenderOptions): GeneratedFile[] {
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  const folders = [options.templatesDir, ...(options.overrideDirs ?? [])].flatMap((root) => [join(root, 'shared'), join(root, facts.language)]);
  for (const folder of folders) registerPartials(handlebars, join(folder, 'partials'));

  const context = templateContext(facts, plan);
  return Object.entries(OUTPUTS).map(([template, path]) => {
    const source = readTemplate(folders, template);
    const content = handlebars.compile(source, { noEscape: true, strict: true })(context);
    return { path, content: tidy(content) };
  });
}

/** Missing optional values become explicit nulls, so strict mode can tell "absent" from "typo". */
export function templateContext(facts: Facts, plan: Plan): { facts: Facts; plan: Plan } {
  return JSON.parse(JSON.stringify({ facts, plan }, (_key, value) => (value === undefined ? null : value)));
}

function readTemplate(folders: string[], name: string): string {
  for (const folder of [...folders].reverse()) {
    const file = join(folder, name);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error(`template ${name} not found in ${folders.join(', ')}`);
}

function registerPartials(handlebars: typeof Handlebars, folder: string): void {
  if (!existsSync(folder)) return;
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.hbs'))) {
    handlebars.registerPartial(basename(file, '.hbs'), readFileSync(join(folder, file), 'utf8'));
  }
}

function registerHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper('json', (args: string[]) => execForm(args));
  handlebars.registerHelper('shell', (value: string) => shellWord(String(value)));
  handlebars.registerHelper('comment', (value: string) => comment(String(value)));
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('join', (values: string[], separator: string) => values.join(separator));
}

/** Templates stay readable with blank lines around blocks; the output keeps at most one in a row. */
const tidy = (text: string) => text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim() + '\n';

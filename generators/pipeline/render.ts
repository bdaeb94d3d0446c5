import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type FullHandlebars from 'handlebars';
import runtime from 'handlebars/runtime.js';
import type { Catalog } from '../core/explain/catalog.js';
import { commentLines, isMessage, type Locale } from '../core/explain/messages.js';
import { comment, dockerQuoted, execForm, shellWord } from '../core/render/quote.js';
import { TOOL_VERSION } from '../core/package-root.js';
import { onceper } from '../core/memo.js';
import type { CommonFacts, FactsBase, GeneratedFile, PlanBase } from '../core/types.js';
import { say } from './messages.js';
import { templateSpec } from './template-cache.js';

/** Handlebars' runtime: the library minus its compiler (templates come precompiled). Its own typings declare nothing. */
const Handlebars = runtime as unknown as Pick<typeof FullHandlebars, 'create'>;
type Environment = typeof FullHandlebars;

type AnyFacts = FactsBase & CommonFacts;

export interface RenderOptions {
  /** Built-in templates folder. */
  readonly templatesDir: string;
  /**
   * Folders laid out like templates/ (shared/, <language>/, each with partials/) whose files override
   * the built-in ones of the same path; later folders win.
   */
  readonly overrideDirs?: readonly string[];
  /** --explain: a comment before every instruction, in this language; the whole file is then in it. */
  readonly explain?: Locale;
  /** Every sentence the templates may name: the shared catalog plus each registered language's. */
  readonly catalog: Catalog;
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
export function render(facts: AnyFacts, plan: PlanBase, options: RenderOptions): GeneratedFile[] {
  const renderTemplate = renderer(facts, plan, options);
  return Object.entries(OUTPUTS).map(([template, path]) => ({ path, content: renderTemplate(template) }));
}

/**
 * The naive single-stage Dockerfile that `--compare` builds next to the real one: the builder image
 * plus the app, as a course's "traditional" Dockerfile does it. Never written to the project.
 */
export const renderNaive = (facts: AnyFacts, plan: PlanBase, options: RenderOptions): string => renderer(facts, plan, options)('naive.Dockerfile.hbs');

/** The .dockerignore alone, from a plan whose groups were merged (services that share one build context). */
export const renderDockerignore = (facts: AnyFacts, plan: PlanBase, options: RenderOptions): string =>
  renderer(facts, plan, options)(Object.keys(OUTPUTS).find((template) => OUTPUTS[template] === '.dockerignore')!);

function renderer(facts: AnyFacts, plan: PlanBase, options: RenderOptions): (template: string) => string {
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  registerMessageHelpers(handlebars, options.catalog, options.explain);
  const folders = [options.templatesDir, ...(options.overrideDirs ?? [])].flatMap((root) => [join(root, 'shared'), join(root, facts.language)]);
  for (const folder of folders) registerPartials(handlebars, join(folder, 'partials'));
  const context = { ...templateContext(facts, plan), explain: options.explain ?? null, tool: { version: TOOL_VERSION } };
  return (template) => tidy(handlebars.template(templateSpec(readTemplate(folders, template)))(context));
}

/** Missing optional values become explicit nulls, so strict mode can tell "absent" from "typo". */
export function templateContext(facts: AnyFacts, plan: PlanBase): { facts: AnyFacts; plan: PlanBase } {
  return { facts: withNulls(facts) as AnyFacts, plan: withNulls(plan) as PlanBase };
}

/**
 * Plain data with every undefined made null (what a JSON round trip with a replacer gave). A list the
 * services of one workspace share is converted once, however many plans hold it.
 */
const withNulls = (value: unknown): unknown => (value !== null && typeof value === 'object' ? convertObject(value) : value === undefined ? null : value);
const convertObject = onceper((value: object): unknown =>
  Array.isArray(value) ? value.map(withNulls) : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withNulls(item)])),
);

/**
 * Template and partial files, read once per run: a workspace renders the same templates for each of
 * its members. (A run is one process; a template edited during it is read at the next run.)
 */
const templateFiles = new Map<string, string | undefined>();
const templateFile = (file: string): string | undefined => {
  if (!templateFiles.has(file)) templateFiles.set(file, existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  return templateFiles.get(file);
};
const partialNames = new Map<string, string[]>();
const partialsIn = (folder: string): string[] => {
  if (!partialNames.has(folder)) partialNames.set(folder, existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.hbs')) : []);
  return partialNames.get(folder)!;
};

function readTemplate(folders: string[], name: string): string {
  for (const folder of [...folders].reverse()) {
    const text = templateFile(join(folder, name));
    if (text !== undefined) return text;
  }
  throw new Error(`template ${name} not found in ${folders.join(', ')}`);
}

/** Each partial is revived on its first use: a template calls a handful of the folder's partials. */
function registerPartials(handlebars: Environment, folder: string): void {
  for (const file of partialsIn(folder)) {
    let partial: HandlebarsTemplateDelegate | undefined;
    const lazy: HandlebarsTemplateDelegate = (context, options) =>
      (partial ??= handlebars.template(templateSpec(templateFile(join(folder, file))!)))(context, options);
    handlebars.registerPartial(basename(file, '.hbs'), lazy);
  }
}

function registerHelpers(handlebars: Environment): void {
  handlebars.registerHelper('json', (args: string[]) => execForm(args));
  handlebars.registerHelper('shell', (value: string) => shellWord(String(value)));
  handlebars.registerHelper('comment', (value: string) => comment(String(value)));
  handlebars.registerHelper('quoted', (value: string) => dockerQuoted(String(value)));
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('concat', (first: string, rest: readonly string[]) => [first, ...rest]);
  // A continuation line's indent, written where a bare indent would make a block tag standalone.
  handlebars.registerHelper('spaces', (count: number) => ' '.repeat(count));
  handlebars.registerHelper('not', (value: unknown) => !value || (Array.isArray(value) && value.length === 0));
  handlebars.registerHelper('join', (values: string[], separator: string) => values.join(separator));
}

type HelperOptions = { hash: Record<string, unknown> };

/**
 * Prose lives in the message catalogs, not in templates, so that one template speaks every language:
 *   {{t "id"}}     the sentence, inline;
 *   {{note "id"}}  the sentence as `#` lines, always (header, stage banners);
 *   {{why "id"}}   the same, only with --explain: written on its own line above an instruction,
 *                  that line disappears otherwise (see WHY_MARK). Written at the start of the
 *                  instruction's own line, as older custom templates do, it still works.
 * Several ids join into one paragraph; empty ones (from `when`) are skipped. A Message object
 * (plan.runtimeReason) can stand in for an id.
 */
function registerMessageHelpers(handlebars: Environment, catalog: Catalog, explain: Locale | undefined): void {
  const locale = explain ?? 'en';
  const text = (args: unknown[]): string => {
    const { hash } = args.pop() as HelperOptions;
    return args
      .filter((id) => id !== '' && id !== null && id !== undefined)
      .map((id) => (isMessage(id) ? say(catalog, locale, id.id, { ...id.args, ...hash }) : say(catalog, locale, String(id), hash)))
      .join(' ');
  };
  handlebars.registerHelper('t', (...args: unknown[]) => text(args));
  handlebars.registerHelper('note', (...args: unknown[]) => commentLines(text(args)).join('\n'));
  handlebars.registerHelper('why', (...args: unknown[]) => (explain ? commentLines(text(args)).join('\n') : '') + WHY_MARK);
  handlebars.registerHelper('when', (condition: unknown, id: unknown) => (condition ? id : ''));
}

/**
 * Where a `why` ended. A line holding nothing else had nothing to say (no --explain) and goes; at
 * the end of a line it ends the comment; followed by an instruction on the same line (the older
 * inline style) it becomes the line break between comment and instruction. A private-use character,
 * so no template text or project value can hold it.
 */
const WHY_MARK = '\uE000';

const placeWhy = (text: string) =>
  text
    .replace(/\uE000+/g, '\uE000')
    .replace(/^\uE000\n/gm, '')
    .replace(/\uE000\n/g, '\n')
    .replace(/^\uE000/gm, '')
    .replace(/\uE000/g, '\n');

/** Templates stay readable with blank lines around blocks; the output keeps at most one in a row. */
const tidy = (text: string) =>
  placeWhy(text)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim() + '\n';

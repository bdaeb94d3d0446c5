import type { Catalog } from '../core/explain/catalog.js';
import type { Locale, Message } from '../core/explain/messages.js';
import type { Choices, CommonFacts, FactsBase, GeneratedFile, PlanBase, ProjectSnapshot, WorkspaceMemberRef } from '../core/types.js';
import { LANGUAGES, type AnyLanguage } from '../languages/registry.js';
import { detectWith, type DetectRequest } from './detect.js';
import { generateWith, type GenerateOptions } from './generate.js';
import { catalogOf, sayMessage } from './messages.js';
import { baseImagesWith, definitionOf, planWith, runtimeOptionsWith, type RuntimeOption } from './plan.js';
import { renderDockerignore, renderNaive, type RenderOptions } from './render.js';

type AnyFacts = FactsBase & CommonFacts;
type FactsOf<D extends AnyLanguage> = ReturnType<D['detect']> & CommonFacts;
type PlanOf<D extends AnyLanguage> = ReturnType<D['plan']>;

export interface Pipeline<F, P> {
  readonly languages: readonly AnyLanguage[];
  readonly catalog: Catalog;
  detect(snapshot: ProjectSnapshot, request?: DetectRequest): F;
  plan(facts: F, choices: Choices): P;
  /** Entry points to choose from (Go main packages), for the --main prompt. */
  mainChoices(facts: F): readonly string[];
  /** Each language's workspace at the root, with its members: what several services are built from. */
  workspaces(snapshot: ProjectSnapshot): { readonly language: string; readonly members: readonly WorkspaceMemberRef[] }[];
  /** Every runtime with the planner's refusal, if any: what the runtime prompt offers. */
  runtimeOptions(facts: F, choices: Choices): RuntimeOption[];
  baseImages(facts: F, choices: Choices): string[];
  generate(facts: F, choices: Choices, options: GenerateOptions): { facts: F; plan: P; files: GeneratedFile[] };
  renderNaive(facts: F, plan: P, options: Omit<RenderOptions, 'catalog'>): string;
  /** The .dockerignore of a plan alone (one written for several services' merged groups). */
  renderDockerignore(facts: F, plan: P, options: Omit<RenderOptions, 'catalog'>): string;
  /** A plan's message in a locale; the CLI summary and --json say them in English. */
  say(text: Message, locale?: Locale): string;
}

/**
 * The pipeline over a list of languages: the registry's for the product, or a test's own list with
 * an extra language. Each step dispatches on facts.language to that language's definition.
 */
export function createPipeline<D extends AnyLanguage>(languages: readonly D[]): Pipeline<FactsOf<D>, PlanOf<D>> {
  const catalog = catalogOf(languages);
  const pipeline: Pipeline<AnyFacts, PlanBase> = {
    languages,
    catalog,
    detect: (snapshot, request) => detectWith(languages, snapshot, request),
    plan: (facts, choices) => planWith(languages, facts, choices),
    mainChoices: (facts) => definitionOf(languages, facts.language).mainChoices(facts),
    workspaces: (snapshot) =>
      languages.flatMap((language) => {
        const members = language.workspaceMembers(snapshot);
        return members === undefined ? [] : [{ language: language.id, members }];
      }),
    runtimeOptions: (facts, choices) => runtimeOptionsWith(languages, facts, choices),
    baseImages: (facts, choices) => baseImagesWith(languages, facts, choices),
    generate: (facts, choices, options) => generateWith(languages, facts, choices, options),
    renderNaive: (facts, plan, options) => renderNaive(facts, plan, { ...options, catalog }),
    renderDockerignore: (facts, plan, options) => renderDockerignore(facts, plan, { ...options, catalog }),
    say: (text, locale = 'en') => sayMessage(catalog, locale, text),
  };
  // Each definition's facts and plan types were checked where it was written (defineLanguage); the
  // steps above dispatch on facts.language to that very definition, so its types carry through.
  return pipeline as unknown as Pipeline<FactsOf<D>, PlanOf<D>>;
}

/** The product's pipeline, over the registered languages. */
export const PIPELINE = createPipeline<(typeof LANGUAGES)[number]>(LANGUAGES);

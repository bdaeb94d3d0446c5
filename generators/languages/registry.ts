import type { LanguageDefinition } from '../core/language.js';
import type { CommonFacts, FactsBase, GeneratedFile, PlanBase } from '../core/types.js';
import { C } from './c/index.js';
import { GO } from './go/index.js';
import { NODE } from './node/index.js';
import { PYTHON } from './python/index.js';

/**
 * The one list of languages. The order is detection's: the first whose marker a tree has is named
 * first. `Language`, the Facts and Plan unions, `--language`, the help text, the "no supported
 * project" markers, the message catalogs and the bench all derive from it.
 */
export const LANGUAGES = [GO, NODE, PYTHON, C] as const;

type Registered = (typeof LANGUAGES)[number];
export type Language = Registered['id'];
export const LANGUAGE_IDS: readonly Language[] = LANGUAGES.map((definition) => definition.id);

/** What a registered language's detector returns, discriminated on `language`. */
export type LanguageFacts = ReturnType<Registered['detect']>;
export type Facts = LanguageFacts & CommonFacts;
/** What a registered language's planner returns, discriminated on `language`. */
export type Plan = ReturnType<Registered['plan']>;

export interface GenerationResult {
  readonly facts: Facts;
  readonly plan: Plan;
  readonly files: readonly GeneratedFile[];
}

/** Any language definition, registered or not (a test's extra language); the pipeline's parameter type. */
export type AnyLanguage = LanguageDefinition<FactsBase, PlanBase>;

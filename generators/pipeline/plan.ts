import { UserError } from '../core/errors.js';
import type { Locale } from '../core/explain/messages.js';
import type { Choices, CommonFacts, FactsBase, PlanBase, Runtime } from '../core/types.js';
import { RUNTIMES } from '../core/types.js';
import type { AnyLanguage } from '../languages/registry.js';
import { rewriteImages } from './image-refs.js';
import { withCaCert } from '../core/plan/ca-cert.js';
import { withWritable } from '../core/plan/writable.js';
import { withCustom, withRuntimeForPackages } from '../core/plan/custom.js';
import { withPlatforms } from '../core/plan/platforms.js';

type AnyFacts = FactsBase & CommonFacts;

export function definitionOf(languages: readonly AnyLanguage[], language: string): AnyLanguage {
  const definition = languages.find((candidate) => candidate.id === language);
  if (!definition) throw new Error(`no language definition for ${language}`);
  return definition;
}

/** facts + choices -> plan: the language's planner, then the user's CA bundle, customisations, platforms, mirror and digests. */
export function planWith(languages: readonly AnyLanguage[], facts: AnyFacts, choices: Choices): PlanBase {
  const definition = definitionOf(languages, facts.language);
  const planned = definition.plan(facts, withRuntimeForPackages(choices));
  // The user id comes before --writable, whose copies hand the folders to that user.
  const custom = withCustom(withCaCert(planned, choices.caCert, definition.caVariables), choices, choices.runtime);
  const plan = withPlatforms(withWritable(custom, choices.writable), choices.platforms, choices.dockerfile);
  return rewriteImages(plan, choices.registry, choices.digests);
}

/** The base images a plan pulls, through the --registry mirror but before digests: what --pin-digests looks up. */
export function baseImagesWith(languages: readonly AnyLanguage[], facts: AnyFacts, choices: Choices): string[] {
  const plan = planWith(languages, facts, { ...choices, digests: undefined });
  return [plan.builderImage, plan.runtimeImage, ...(plan.toolImage === undefined ? [] : [plan.toolImage])].filter((image) => image !== 'scratch');
}

export interface RuntimeOption {
  readonly runtime: Runtime;
  /** Why the planner refuses it (English); absent when it accepts it. */
  readonly refused?: string;
  /** The same refusal in the user's language. */
  readonly refusal?: (locale: Locale) => string;
}

/**
 * Each runtime, with the planner's own refusal when it has one: the prompt offers exactly what the
 * planner accepts, because it asks the planner.
 */
export function runtimeOptionsWith(languages: readonly AnyLanguage[], facts: AnyFacts, choices: Choices): RuntimeOption[] {
  return RUNTIMES.map((runtime) => {
    try {
      planWith(languages, facts, { ...choices, runtime });
      return { runtime };
    } catch (error) {
      if (error instanceof UserError) return { runtime, refused: error.message, refusal: error.said };
      throw error;
    }
  });
}

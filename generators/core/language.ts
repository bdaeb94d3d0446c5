import type { Catalog } from './explain/catalog.js';
import type { Choices, CommonFacts, DetectOptions, FactsBase, PlanBase, ProjectSnapshot, WorkspaceMemberRef } from './types.js';

/**
 * Everything one language brings, in one value: generators/languages/<language>/index.ts exports it
 * and generators/languages/registry.ts lists it. Every field is required, so a language with a
 * missing piece does not compile. Templates are the one part outside the folder: templates/<id>/.
 * The steps are method signatures so that any language's definition is a LanguageDefinition of the
 * base types too, which is what the pipeline holds; each is checked against its own types where it
 * is written (defineLanguage).
 */
export interface LanguageDefinition<F extends FactsBase = FactsBase, P extends PlanBase<F['language']> = PlanBase<F['language']>> {
  readonly id: F['language'];
  /** As people write it: "Go", "Node.js"; its facts and plan types are named after it (GoFacts, NodePlan). */
  readonly name: string;
  /** What marks such a project, for the "no supported project" error: "go.mod or *.go". */
  readonly marker: string;
  looksLike(snapshot: ProjectSnapshot): boolean;
  /** Pure: reads the snapshot only. Throws a UserError for a project it cannot handle. */
  detect(snapshot: ProjectSnapshot, options: DetectOptions): F;
  /**
   * Pure. Throws a UserError for a choice it cannot honour (scratch for a Node app); the prompts
   * offer exactly the choices this accepts, and default to what it picks.
   */
  plan(facts: F & CommonFacts, choices: Choices): P;
  /**
   * The members of this language's workspace at the root (npm/pnpm/yarn workspaces, a uv workspace),
   * each built from the root with `--workspace`; undefined when the root declares none.
   */
  workspaceMembers(snapshot: ProjectSnapshot): readonly WorkspaceMemberRef[] | undefined;
  /** Entry points to choose from (Go main packages); the --main prompt lists them when there are several. */
  mainChoices(facts: F): readonly string[];
  /** Its sentences, English and French (stage banners, reasons, --explain comments). */
  readonly messages: Catalog;
}

/** Checks a language against the contract; the type arguments name its facts and plan. */
export const defineLanguage = <F extends FactsBase, P extends PlanBase<F['language']>>(definition: LanguageDefinition<F, P>): LanguageDefinition<F, P> =>
  definition;

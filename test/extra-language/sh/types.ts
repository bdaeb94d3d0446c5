import type { FactsBase, PlanBase } from '../../../generators/core/types.js';

export interface ShFacts extends FactsBase<'sh'> {
  /** The script that runs, relative to the project. */
  readonly script: string;
}

export interface ShPlan extends PlanBase<'sh'> {
  readonly sh: { readonly script: string };
}

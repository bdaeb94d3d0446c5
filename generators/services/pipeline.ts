import type { CommonFacts, FactsBase, PlanBase } from '../core/types.js';
import type { Pipeline } from '../pipeline/index.js';

/**
 * The pipeline services run on: the product's (PIPELINE) or a test's own list of languages
 * (createPipeline). Services read only what every language's facts and plan share.
 */
export type ServiceFacts = FactsBase & CommonFacts;
export type ServicesPipeline<F extends ServiceFacts = ServiceFacts, P extends PlanBase = PlanBase> = Pipeline<F, P>;

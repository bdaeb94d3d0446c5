import { detect } from './detect/index.js';
import { planFor } from './languages.js';
import { render } from './render/render.js';
import type { Choices, Facts, GenerationResult, Language, ProjectSnapshot } from './types.js';

export interface PipelineOptions {
  readonly templatesDir: string;
  readonly language?: Language;
  /** Node: the workspace package to containerise, by name or folder. */
  readonly workspace?: string;
}

/** detect -> facts; split out so that prompts can run between detection and planning. */
export const detectFacts = (snapshot: ProjectSnapshot, options: Pick<PipelineOptions, 'language' | 'workspace'>): Facts =>
  detect(snapshot, options.language, { workspace: options.workspace });

/** facts + choices -> plan -> files. Pure apart from reading templates. */
export function generate(facts: Facts, choices: Choices, options: PipelineOptions): GenerationResult {
  const plan = planFor(facts, choices);
  const files = render(facts, plan, { templatesDir: options.templatesDir });
  return { facts, plan, files };
}

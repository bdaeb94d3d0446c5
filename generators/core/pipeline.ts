import { detect } from './detect/index.js';
import type { Locale } from './explain/messages.js';
import { planFor } from './languages.js';
import { render } from './render/render.js';
import { formatFinding, lint } from './lint/index.js';
import type { Choices, Facts, GeneratedFile, GenerationResult, Language, ProjectSnapshot } from './types.js';

export interface PipelineOptions {
  readonly templatesDir: string;
  /** Custom template folders, overriding built-in templates and partials file by file. */
  readonly overrideDirs?: readonly string[];
  readonly language?: Language;
  /** Node: the workspace package to containerise, by name or folder. */
  readonly workspace?: string;
  /** --explain: comment every instruction, in this language. */
  readonly explain?: Locale;
}

/** detect -> facts; split out so that prompts can run between detection and planning. */
export const detectFacts = (snapshot: ProjectSnapshot, options: Pick<PipelineOptions, 'language' | 'workspace'>): Facts =>
  detect(snapshot, options.language, { workspace: options.workspace });

/** facts + choices -> plan -> files. Pure apart from reading templates. */
export function generate(facts: Facts, choices: Choices, options: PipelineOptions): GenerationResult {
  const plan = planFor(facts, choices);
  const files = render(facts, plan, { templatesDir: options.templatesDir, overrideDirs: options.overrideDirs, explain: options.explain });
  assertLintClean(files);
  return { facts, plan, files };
}

/** A generated Dockerfile that breaks a lint rule is a bug in this tool: refuse to write it. */
function assertLintClean(files: readonly GeneratedFile[]): void {
  for (const file of files.filter((candidate) => candidate.path === 'Dockerfile')) {
    const findings = lint(file.content);
    if (findings.length > 0) throw new Error(`generated ${file.path} fails its lint gate: ${findings.map((finding) => formatFinding(file.path, finding)).join('; ')}`);
  }
}

import type { Locale } from '../core/explain/messages.js';
import { formatFinding, lint } from '../core/lint/index.js';
import type { Choices, CommonFacts, FactsBase, GeneratedFile } from '../core/types.js';
import type { AnyLanguage } from '../languages/registry.js';
import { catalogOf } from './messages.js';
import { planWith } from './plan.js';
import { render } from './render.js';
import { assertSameStructure, inert, structuralValues } from './structure-guard.js';

export interface GenerateOptions {
  readonly templatesDir: string;
  /** Custom template folders, overriding built-in templates and partials file by file. */
  readonly overrideDirs?: readonly string[];
  /** --explain: comment every instruction, in this language. */
  readonly explain?: Locale;
}

/** facts + choices -> plan -> files, checked by the lint gate. Pure apart from reading templates. */
export function generateWith(languages: readonly AnyLanguage[], facts: FactsBase & CommonFacts, choices: Choices, options: GenerateOptions) {
  const plan = planWith(languages, facts, choices);
  const renderOptions = { ...options, catalog: catalogOf(languages) };
  const files = render(facts, plan, renderOptions);
  const dockerfile = files.find((file) => file.path === 'Dockerfile')!.content;
  const renderInert = () => render(inert(facts), inert(plan), renderOptions).find((file) => file.path === 'Dockerfile')!.content;
  assertSameStructure(dockerfile, renderInert, structuralValues({ facts, plan }));
  assertLintClean(files);
  return { facts, plan, files };
}

/** A generated Dockerfile that breaks a lint rule is a bug in this tool: refuse to write it. */
function assertLintClean(files: readonly GeneratedFile[]): void {
  for (const file of files.filter((candidate) => candidate.path === 'Dockerfile')) {
    const findings = lint(file.content);
    if (findings.length > 0)
      throw new Error(`generated ${file.path} fails its lint gate: ${findings.map((finding) => formatFinding(file.path, finding)).join('; ')}`);
  }
}

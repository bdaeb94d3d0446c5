import type { Locale } from '../core/explain/messages.js';
import { formatFinding, lint } from '../core/lint/index.js';
import type { Choices, CommonFacts, FactsBase, GeneratedFile } from '../core/types.js';
import type { AnyLanguage } from '../languages/registry.js';
import { catalogOf } from './messages.js';
import { planWith } from './plan.js';
import { render } from './render.js';
import { assertSameStructure, inert, structuralValues } from './structure-guard.js';
import { UserError } from '../core/errors.js';
import { parseDockerfile } from '../core/lint/parse.js';
import { assertCopiesAreFiles } from './copy-check.js';

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
  return asTemplateError(options.overrideDirs ?? [], () => {
    const files = render(facts, plan, renderOptions);
    const dockerfile = files.find((file) => file.path === 'Dockerfile')!.content;
    const renderInert = () => render(inert(facts), inert(plan), renderOptions).find((file) => file.path === 'Dockerfile')!.content;
    // Only facts come from the project; a plan adds this tool's own constants (Python's extract code
    // holds backslashes), so a plan with no risky fact behind it needs no second render.
    assertSameStructure(dockerfile, renderInert, structuralValues({ facts }));
    assertLintClean(files);
    assertCopiesAreFiles(parseDockerfile(dockerfile), facts.uncopyable);
    return { facts, plan, files };
  });
}

/**
 * With custom templates in play, a template that does not compile, names a field that does not
 * exist, or writes a Dockerfile the lint gate refuses is the user's own code failing: one line naming
 * the folders, exit 1. Without them, the same failure is a bug in this tool's templates.
 */
function asTemplateError<T>(overrideDirs: readonly string[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (overrideDirs.length === 0 || error instanceof UserError || !(error instanceof Error)) throw error;
    const reason = error.message
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .join(' ');
    throw new UserError(`your templates (${overrideDirs.join(', ')}) fail: ${reason}`);
  }
}

/** A generated Dockerfile that breaks a lint rule is a bug in this tool: refuse to write it. */
function assertLintClean(files: readonly GeneratedFile[]): void {
  for (const file of files.filter((candidate) => candidate.path === 'Dockerfile')) {
    const findings = lint(file.content);
    if (findings.length > 0)
      throw new Error(`generated ${file.path} fails its lint gate: ${findings.map((finding) => formatFinding(file.path, finding)).join('; ')}`);
  }
}

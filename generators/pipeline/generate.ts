import type { Locale } from '../core/explain/messages.js';
import { formatFinding, lint } from '../core/lint/index.js';
import type { Choices, CommonFacts, FactsBase, GeneratedFile, PlanBase } from '../core/types.js';
import type { AnyLanguage } from '../languages/registry.js';
import { catalogOf } from './messages.js';
import { planWith } from './plan.js';
import { render } from './render.js';
import { assertSameStructure, inert, structuralValues } from './structure-guard.js';
import { UserError } from '../core/errors.js';
import { parseDockerfile } from '../core/lint/parse.js';
import { assertCopiesAreFiles } from './copy-check.js';
import { githubWorkflow } from '../core/ship/github-workflow.js';
import { ERRORS } from '../core/explain/error-messages.js';

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
    // Fragments are instructions by design, checked on their own (checkFragment): the inert render keeps them.
    const inertPlan = () => ({ ...inert(plan), custom: plan.custom && { ...inert(plan.custom), fragments: plan.custom.fragments } });
    const renderInert = () => render(inert(facts), inertPlan(), renderOptions).find((file) => file.path === 'Dockerfile')!.content;
    // Only facts and the customisations' values come from outside; a plan adds this tool's own
    // constants (Python's extract code holds backslashes), so a plan with no risky value behind it
    // needs no second render.
    assertSameStructure(dockerfile, renderInert, structuralValues({ facts, choices: customValues(choices) }));
    assertFragmentsPlaced(dockerfile, plan);
    assertLintClean(files, customised(choices));
    assertCopiesAreFiles(parseDockerfile(dockerfile), facts.uncopyable);
    return { facts, plan, files: choices.ci === 'github' ? [...files, githubWorkflow(plan, choices.dockerfile)] : files };
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
    throw new UserError(ERRORS.message('error.generate.your-templates-fail', { value: overrideDirs.join(', '), reason }));
  }
}

/**
 * A generated Dockerfile that breaks a lint rule is a bug in this tool: refuse to write it. With
 * customisations in play the value may be the user's (an ENV name a rule dislikes): said as theirs.
 */
function assertLintClean(files: readonly GeneratedFile[], custom: readonly string[]): void {
  for (const file of files.filter((candidate) => candidate.path === 'Dockerfile')) {
    const findings = lint(file.content);
    if (findings.length === 0) continue;
    const found = findings.map((finding) => formatFinding(file.path, finding)).join('; ');
    if (custom.length > 0) throw new UserError(ERRORS.message('error.generate.fails-lint-gate', { value: custom.join(', '), path: file.path, found }));
    throw new Error(`generated ${file.path} fails its lint gate: ${found}`);
  }
}

/** The customisations' own values (fragments aside): held to the same structural guard as the project's. */
const customValues = (choices: Choices) => ({
  buildArgs: choices.buildArgs,
  env: choices.env,
  copies: choices.copies,
  cmd: choices.cmd,
  entrypoint: choices.entrypoint,
  fragments: choices.fragments?.map((fragment) => fragment.file),
});

/** The flags of the customisations a run used, to name them when the lint gate refuses. */
const customised = (choices: Choices): string[] =>
  (
    [
      ['--build-arg', choices.buildArgs?.length],
      ['--env', choices.env?.length],
      ['--fragment', choices.fragments?.length],
      ['--copy', choices.copies?.length],
      ['--cmd', choices.cmd],
      ['--entrypoint', choices.entrypoint],
      ['--user-id', choices.userId],
      ['--runtime-packages', choices.runtimePackages?.length],
    ] as const
  )
    .filter(([, used]) => Boolean(used))
    .map(([flag]) => flag);

/** A fragment at a point this project's Dockerfile does not have (after-build with no build step) is said, not dropped. */
function assertFragmentsPlaced(dockerfile: string, plan: PlanBase): void {
  for (const [point, fragment] of Object.entries(plan.custom?.fragments ?? {})) {
    if (fragment !== null && !dockerfile.includes(`(--fragment ${point})`))
      throw new UserError(ERRORS.message('error.generate.fragment-this-project', { point, file: fragment.file, point2: point }));
  }
}

import { From } from 'dockerfile-ast';
import { isKnownError, type UsageError, type UserError } from '../core/errors.js';
import type { Locale } from '../core/explain/messages.js';
import { parseDockerfile } from '../core/lint/parse.js';
import type { GenerationResult } from '../languages/registry.js';
import { PIPELINE } from './index.js';
import type { RenderOptions } from './render.js';
import type { Choices } from '../core/types.js';
import { LADDER_MESSAGES, type LadderMessageId } from '../core/explain/ladder-messages.js';
import { HARDENED_FLAGS, LADDER_STEP_IDS, type LadderStep, type LadderStepId } from '../core/ladder.js';

export interface LadderInput {
  readonly facts: GenerationResult['facts'];
  readonly choices: Choices;
  readonly render: Omit<RenderOptions, 'catalog'>;
  readonly locale: Locale;
}

/**
 * The course's steps for one project, each a real Dockerfile derived from what this tool generates:
 * the naive single stage; multi-stage with the build stage's own image as the runtime; the slim
 * runtime; distroless or scratch; then a non-root user; then the hardened run. Steps 2 to 4 run as
 * root, so that the user column shows what step 5 changes.
 */
export function ladderSteps(input: LadderInput): LadderStep[] {
  const generate = (runtime?: Choices['runtime']) => tryGenerate(input, runtime);
  const finalStep = generate();
  if (!('result' in finalStep)) throw finalStep.error;
  const final = finalStep.result;
  const slim = generate('slim');
  const naive = PIPELINE.renderNaive(final.facts, final.plan, { ...input.render, explain: input.locale });
  const header = (index: number, id: LadderStepId, changed: LadderMessageId) =>
    `${LADDER_MESSAGES.comment(input.locale, 'ladder.file.header', { index, count: LADDER_STEP_IDS.length, title: LADDER_MESSAGES.text(input.locale, `ladder.step.${id}`), changed: LADDER_MESSAGES.text(input.locale, changed) })}\n`;
  const step = (index: number, id: LadderStepId, changed: LadderMessageId, body: string | undefined, skipped?: LadderStep['skipped']): LadderStep => ({
    id,
    index,
    file: `${index}-${id}.Dockerfile`,
    changed,
    dockerfile: body === undefined || skipped ? undefined : header(index, id, changed) + body,
    skipped,
    runFlags: id === 'hardened' ? HARDENED_FLAGS : [],
  });
  // The slim plan's own build image: a distroless plan may build elsewhere (Python on Debian's python3).
  const builder = 'result' in slim ? slim.result.plan.builderImage : final.plan.builderImage;
  const slimFile = 'result' in slim ? slim.result.files.find((file) => file.path === 'Dockerfile')?.content : undefined;
  const slimImage = 'result' in slim ? slim.result.plan.runtimeImage : undefined;
  const finalFile = final.files.find((file) => file.path === 'Dockerfile')!.content;
  const minimal = final.plan.runtime !== 'slim';
  return [
    step(1, 'single', 'ladder.changed.single', naive),
    slimFile === undefined
      ? step(2, 'multi', 'ladder.changed.multi', undefined, { id: 'ladder.skip.refused', args: { reason: refusal(slim, input.locale) } })
      : step(2, 'multi', 'ladder.changed.multi', asRoot(withFinalImage(slimFile, builder), input.locale)),
    slimFile === undefined
      ? step(3, 'slim', 'ladder.changed.slim', undefined, { id: 'ladder.skip.refused', args: { reason: refusal(slim, input.locale) } })
      : slimImage === builder
        ? step(3, 'slim', 'ladder.changed.slim', undefined, { id: 'ladder.skip.builder-slim', args: { image: builder } })
        : step(3, 'slim', 'ladder.changed.slim', asRoot(slimFile, input.locale)),
    minimal
      ? step(4, 'minimal', final.plan.runtime === 'scratch' ? 'ladder.changed.scratch' : 'ladder.changed.distroless', asRoot(finalFile, input.locale))
      : step(4, 'minimal', 'ladder.changed.distroless', undefined, {
          id: 'ladder.skip.needs-slim',
          args: { reason: PIPELINE.say(final.plan.runtimeReason, input.locale) },
        }),
    step(5, 'nonroot', 'ladder.changed.nonroot', finalFile),
    step(6, 'hardened', 'ladder.changed.hardened', undefined),
  ];
}

function tryGenerate(input: LadderInput, runtime?: Choices['runtime']): { result: GenerationResult } | { error: UserError | UsageError } {
  try {
    return { result: PIPELINE.generate(input.facts, { ...input.choices, runtime }, { ...input.render, explain: input.locale }) };
  } catch (error) {
    if (!isKnownError(error)) throw error;
    return { error: error };
  }
}

/** Why the slim plan was refused, in the ladder's language. */
const refusal = (outcome: { result: GenerationResult } | { error: UserError | UsageError }, locale: Locale) =>
  'error' in outcome ? outcome.error.said(locale) : '';

/** The Dockerfile with its last stage starting from `image` instead. */
export function withFinalImage(dockerfile: string, image: string): string {
  const last = parseDockerfile(dockerfile)
    .getInstructions()
    .filter((instruction): instruction is From => instruction instanceof From)
    .at(-1);
  const range = last?.getImageRange();
  if (!range) return dockerfile;
  return replaceRange(dockerfile, range, image);
}

/**
 * The Dockerfile with the last stage's USER instructions commented out, each saying so: the stage
 * then runs as its base image's user (root, or distroless :nonroot's 65532).
 */
export function asRoot(dockerfile: string, locale: Locale): string {
  const instructions = parseDockerfile(dockerfile).getInstructions();
  const lastFrom = instructions.map((instruction) => instruction instanceof From).lastIndexOf(true);
  const users = new Set(
    instructions
      .slice(lastFrom + 1)
      .filter((instruction) => instruction.getKeyword().toUpperCase() === 'USER')
      .map((instruction) => instruction.getRange().start.line),
  );
  return dockerfile
    .split('\n')
    .map((line, index) => (users.has(index) ? `# ${LADDER_MESSAGES.text(locale, 'ladder.file.root')} ${line}` : line))
    .join('\n');
}

function replaceRange(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, value: string): string {
  const lines = text.split('\n');
  const line = lines[range.start.line]!;
  lines[range.start.line] = line.slice(0, range.start.character) + value + line.slice(range.end.character);
  return lines.join('\n');
}

import { UserError } from '../errors.js';
import { SHARED_MESSAGES } from '../explain/shared-messages.js';
import { FRAGMENT_POINTS, type Choices, type CustomPlan, type FragmentPoint, type PlanBase } from '../types.js';
import { NONROOT_ID } from './images.js';
import { checkFragment } from './fragment-check.js';
import { ERRORS } from '../explain/error-messages.js';

/**
 * The choices a runtime stage needs apt for: --runtime-packages makes the runtime slim, unless the
 * user named another runtime, which is refused in one line rather than silently overridden.
 */
export function withRuntimeForPackages(choices: Choices): Choices {
  if (!choices.runtimePackages?.length) return choices;
  if (choices.runtime !== undefined && choices.runtime !== 'slim')
    throw new UserError(ERRORS.message('error.custom.runtime-packages-installs', { runtime: choices.runtime }));
  return { ...choices, runtime: 'slim' };
}

/**
 * The plan with the user's customisations, for every language alike: build args, environment,
 * fragments at named points, extra copies, the start command and the user id. Each value is data the
 * templates quote; the render guard proves none of them adds an instruction, and fragments are
 * checked on their own (checkFragment) before they get here.
 */
export function withCustom<P extends PlanBase>(plan: P, choices: Choices, requestedRuntime: Choices['runtime']): P {
  const custom: CustomPlan = {
    buildArgs: choices.buildArgs ?? [],
    env: choices.env ?? [],
    fragments: Object.fromEntries(FRAGMENT_POINTS.map((point) => [point, fragmentAt(choices, point)])) as CustomPlan['fragments'],
    copies: choices.copies ?? [],
    entrypoint: choices.entrypoint ?? null,
    cmd: choices.cmd ?? null,
    userId: choices.userId ?? NONROOT_ID,
  };
  const user = choices.userId === undefined ? plan.user : `${choices.userId}:${choices.userId}`;
  const notes = choices.userId === undefined ? plan.notes : [...plan.notes, SHARED_MESSAGES.message('note.custom.user-id', { id: choices.userId })];
  const slimForPackages = Boolean(choices.runtimePackages?.length) && requestedRuntime === undefined;
  return {
    ...plan,
    custom,
    user,
    notes,
    entrypoint: choices.entrypoint ?? plan.entrypoint,
    cmd: choices.cmd ?? plan.cmd,
    // An ARG with no default takes its value from whoever builds (compose passes the caller's environment).
    buildArgs: [...plan.buildArgs, ...custom.buildArgs.filter((arg) => arg.value === undefined).map((arg) => arg.name)],
    // A file the user asked to copy must reach the builder, whatever .gitignore says; secrets are refused before this.
    dockerignore:
      custom.copies.length === 0
        ? plan.dockerignore
        : [
            ...plan.dockerignore,
            { why: SHARED_MESSAGES.message('ignore.custom-copies'), patterns: custom.copies.map((copy) => `!${copy.source.replace(/\/$/, '')}`) },
          ],
    runtimeReason: slimForPackages ? SHARED_MESSAGES.message('reason.runtime-packages', { packages: choices.runtimePackages!.join(', ') }) : plan.runtimeReason,
  };
}

function fragmentAt(choices: Choices, point: FragmentPoint): { file: string; text: string } | null {
  const found = (choices.fragments ?? []).filter((fragment) => fragment.point === point);
  if (found.length === 0) return null;
  if (found.some((fragment) => fragment.text === undefined)) throw new Error(`fragment ${point} was not read before planning`);
  for (const fragment of found) checkFragment(fragment as Required<typeof fragment>);
  return { file: found.map((fragment) => fragment.file).join(', '), text: found.map((fragment) => fragment.text!.trimEnd()).join('\n') };
}

import type { LadderMessageId } from './explain/ladder-messages.js';

/** The course's ladder: its steps, shared by the plan of its Dockerfiles (pipeline/ladder-steps.ts) and their run (verify/ladder). */
export const LADDER_STEP_IDS = ['single', 'multi', 'slim', 'minimal', 'nonroot', 'hardened'] as const;
export type LadderStepId = (typeof LADDER_STEP_IDS)[number];

/** The run flags of the hardened step: what the generated header's "hardened" command adds. */
export const HARDENED_FLAGS = ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL'] as const;

/** One rung of the course's ladder on this project: a Dockerfile to build, or why the step does not apply. */
export interface LadderStep {
  readonly id: LadderStepId;
  readonly index: number;
  /** The file name under the ladder folder. */
  readonly file: string;
  readonly changed: LadderMessageId;
  /** The Dockerfile; undefined for the hardened step (the non-root image, run differently) and a step that does not apply. */
  readonly dockerfile?: string;
  /** Why the step does not apply here; its row shows this instead of numbers. */
  readonly skipped?: { readonly id: LadderMessageId; readonly args?: Record<string, string> };
  readonly runFlags: readonly string[];
}

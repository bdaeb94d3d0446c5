import type { Choices, Runtime } from '../core/types.js';
import { PIPELINE } from '../pipeline/index.js';
import type { Facts } from '../languages/registry.js';

/**
 * One row per prompt. Each has the flag that answers it; a row whose flag was given, or that does
 * not apply to these facts, is never asked. What a row offers and defaults to comes from the planner
 * itself, so a prompt can never offer what --yes would refuse, nor default to what --yes would not write.
 */
export interface QuestionRow {
  readonly name: keyof Choices;
  readonly flag: string;
  readonly applies: (facts: Facts, choices: Choices) => boolean;
  readonly question: (facts: Facts, choices: Choices) => Record<string, unknown>;
}

const RUNTIME_HELP: Record<Runtime, string> = {
  scratch: 'scratch: nothing but your binary (smallest; no shell)',
  distroless: 'distroless: CA roots, tzdata, users, no shell or package manager',
  slim: 'slim: Debian with a shell and apt (largest; easiest to debug)',
};

const mainChoices = (facts: Facts) => PIPELINE.mainChoices(facts);

export const QUESTIONS: readonly QuestionRow[] = [
  {
    name: 'main',
    flag: '--main',
    applies: (facts) => mainChoices(facts).length > 1,
    question: (facts) => {
      const choices = mainChoices(facts);
      return { type: 'select', message: 'Which main package (Go) or program (C) should the image run?', choices, default: choices[0] };
    },
  },
  {
    name: 'runtime',
    flag: '--runtime',
    applies: () => true,
    question: (facts, choices) => ({
      type: 'select',
      message: 'Runtime base for the final stage?',
      default: PIPELINE.plan(facts, choices).runtime,
      choices: PIPELINE.runtimeOptions(facts, choices).map(({ runtime, refused }) => ({
        value: runtime,
        name: RUNTIME_HELP[runtime],
        // The planner's own refusal, minus the flag advice that makes sense only on a command line.
        disabled: refused === undefined ? false : refused.replace(/^--runtime \w+: /, '').replace(/; use [^;]*$/, ''),
      })),
    }),
  },
  {
    name: 'port',
    flag: '--port',
    applies: (facts, choices) => PIPELINE.plan(facts, choices).listens,
    question: (facts, choices) => ({
      type: 'number',
      message: 'Port the service listens on?',
      // The port --yes writes with the same answers; none when the code names none and the language assumes none.
      default: PIPELINE.plan(facts, choices).port,
      validate: (value: number | undefined) => (value !== undefined && Number.isInteger(value) && value >= 1 && value <= 65535) || 'a port from 1 to 65535',
    }),
  },
];

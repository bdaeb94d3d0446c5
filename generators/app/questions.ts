import { chosenMain } from '../core/plan/go.js';
import type { Choices, Facts, Runtime } from '../core/types.js';
import { RUNTIMES } from '../core/types.js';

/**
 * One row per prompt. Each has the flag that answers it; a row whose flag was given, or that does
 * not apply to these facts, is never asked.
 */
export interface QuestionRow {
  readonly name: keyof Choices;
  readonly flag: string;
  readonly applies: (facts: Facts, choices: Choices) => boolean;
  readonly question: (facts: Facts, choices: Required<Pick<Choices, 'runtime'>> & Choices) => Record<string, unknown>;
}

const RUNTIME_HELP: Record<Runtime, string> = {
  scratch: 'scratch: nothing but your binary (smallest; no shell)',
  distroless: 'distroless: CA roots, tzdata, users, no shell or package manager',
  slim: 'slim: Debian with a shell and apt (largest; easiest to debug)',
};

export const QUESTIONS: readonly QuestionRow[] = [
  {
    name: 'main',
    flag: '--main',
    applies: (facts) => facts.mains.length > 1,
    question: (facts) => ({ type: 'list', message: 'Which main package should the image run?', choices: facts.mains.map((main) => main.dir), default: facts.mains[0]!.dir }),
  },
  {
    name: 'runtime',
    flag: '--runtime',
    applies: () => true,
    question: (facts, defaults) => ({
      type: 'list',
      message: 'Runtime base for the final stage?',
      default: defaults.runtime,
      choices: RUNTIMES.map((runtime) => ({
        value: runtime,
        name: RUNTIME_HELP[runtime],
        disabled: runtime === 'scratch' && facts.cgo ? 'cgo needs a C library' : false,
      })),
    }),
  },
  {
    name: 'port',
    flag: '--port',
    applies: (facts, choices) => chosenMain(facts, choices).listens,
    question: (facts, choices) => ({
      type: 'number',
      message: 'Port the service listens on?',
      default: chosenMain(facts, choices).port ?? 8080,
      validate: (value: number | undefined) => (value !== undefined && Number.isInteger(value) && value >= 1 && value <= 65535) || 'a port from 1 to 65535',
    }),
  },
];

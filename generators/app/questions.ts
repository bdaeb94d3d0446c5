import { entryFor } from '../core/languages.js';
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
    applies: (facts) => (entryFor(facts).mainChoices?.(facts).length ?? 0) > 1,
    question: (facts) => {
      const choices = entryFor(facts).mainChoices!(facts);
      return { type: 'select', message: 'Which main package should the image run?', choices, default: choices[0] };
    },
  },
  {
    name: 'runtime',
    flag: '--runtime',
    applies: () => true,
    question: (facts, defaults) => ({
      type: 'select',
      message: 'Runtime base for the final stage?',
      default: defaults.runtime,
      choices: RUNTIMES.map((runtime) => ({
        value: runtime,
        name: RUNTIME_HELP[runtime],
        disabled: entryFor(facts).unavailable?.(facts)[runtime] ?? false,
      })),
    }),
  },
  {
    name: 'port',
    flag: '--port',
    applies: (facts, choices) => entryFor(facts).service(facts, choices).listens,
    question: (facts, choices) => ({
      type: 'number',
      message: 'Port the service listens on?',
      default: entryFor(facts).service(facts, choices).port ?? 8080,
      validate: (value: number | undefined) => (value !== undefined && Number.isInteger(value) && value >= 1 && value <= 65535) || 'a port from 1 to 65535',
    }),
  },
];

import type { Choices, Runtime } from '../core/types.js';
import { PIPELINE } from '../pipeline/index.js';
import type { Facts } from '../languages/registry.js';
import type { Locale } from '../core/explain/messages.js';
import { PROMPT_MESSAGES } from '../core/explain/prompt-messages.js';

/**
 * One row per prompt. Each has the flag that answers it; a row whose flag was given, or that does
 * not apply to these facts, is never asked. What a row offers and defaults to comes from the planner
 * itself, so a prompt can never offer what --yes would refuse, nor default to what --yes would not write.
 */
export interface QuestionRow {
  readonly name: keyof Choices;
  readonly flag: string;
  readonly applies: (facts: Facts, choices: Choices) => boolean;
  /** The prompt, said in `locale` (the run's --explain). */
  readonly question: (facts: Facts, choices: Choices, locale: Locale) => Record<string, unknown>;
}

const say = PROMPT_MESSAGES.text;
const runtimeHelp = (runtime: Runtime, locale: Locale) => say(locale, `prompt.runtime.${runtime}`);

const mainChoices = (facts: Facts) => PIPELINE.mainChoices(facts);

export const QUESTIONS: readonly QuestionRow[] = [
  {
    name: 'main',
    flag: '--main',
    applies: (facts) => mainChoices(facts).length > 1,
    question: (facts, _choices, locale) => {
      const choices = mainChoices(facts);
      return { type: 'select', message: say(locale, 'prompt.main'), choices, default: choices[0] };
    },
  },
  {
    name: 'runtime',
    flag: '--runtime',
    applies: () => true,
    question: (facts, choices, locale) => ({
      type: 'select',
      message: say(locale, 'prompt.runtime'),
      default: PIPELINE.plan(facts, choices).runtime,
      choices: PIPELINE.runtimeOptions(facts, choices).map(({ runtime, refusal }) => ({
        value: runtime,
        name: runtimeHelp(runtime, locale),
        // The planner's own refusal, minus the flag advice that makes sense only on a command line.
        disabled:
          refusal === undefined
            ? false
            : refusal(locale)
                .replace(/^--runtime \w+ ?: /, '')
                .replace(/ ?; (use|utilisez) [^;]*$/, ''),
      })),
    }),
  },
  {
    name: 'port',
    flag: '--port',
    applies: (facts, choices) => PIPELINE.plan(facts, choices).listens,
    question: (facts, choices, locale) => ({
      type: 'number',
      message: say(locale, 'prompt.port'),
      // The port --yes writes with the same answers; none when the code names none and the language assumes none.
      default: PIPELINE.plan(facts, choices).port,
      validate: (value: number | undefined) =>
        (value !== undefined && Number.isInteger(value) && value >= 1 && value <= 65535) || say(locale, 'prompt.port.invalid'),
    }),
  },
];

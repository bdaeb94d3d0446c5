import { SHARED_MESSAGES } from '../explain/shared-messages.js';
import { shellWord } from '../render/quote.js';
import type { CaCertChoice, CaCertPlan, PlanBase } from '../types.js';

const { message } = SHARED_MESSAGES;

/** The secret's id, and where BuildKit mounts it by default: never a layer, never the runtime image. */
export const CA_SECRET = 'ca-cert';
export const CA_TARGET = `/run/secrets/${CA_SECRET}`;

/** `--secret id=ca-cert,src=FILE` as one shell word. */
export const caSecretFlag = (path: string): string => `--secret ${shellWord(caSecretValue(path))}`;

/**
 * The value of `--secret` itself, for a process started without a shell. docker, compose and bake
 * read it as CSV, which is why the CLI refuses a path holding a comma or a quote (caCertOf).
 */
export const caSecretValue = (path: string): string => `id=${CA_SECRET},src=${path}`;

/**
 * The plan with the CA every download step trusts: the secret and its tools' variables, the build
 * commands naming it, and a note saying where the file came from and how to settle it. A language
 * whose builder downloads nothing over TLS (`variables` empty) gets only the note saying so; the
 * portable profile has no secrets, so an environment's CA is set aside there, said in a note.
 */
export function withCaCert<P extends PlanBase>(plan: P, choice: CaCertChoice | undefined, variables: readonly string[]): P {
  if (!choice) return plan;
  if (plan.profile === 'portable') return { ...plan, notes: [...plan.notes, message('note.ca-cert.portable', { from: choice.from })] };
  if (variables.length === 0) return { ...plan, notes: [...plan.notes, message('note.ca-cert.unused', { from: choice.from })] };
  const caCert: CaCertPlan = { ...choice, secret: CA_SECRET, target: CA_TARGET, variables };
  const withSecret = (command: string) => command.replace(/^docker build/, `docker build ${caSecretFlag(choice.path)}`);
  return {
    ...plan,
    caCert,
    nextCommand: withSecret(plan.nextCommand),
    hardenedRun: withSecret(plan.hardenedRun),
    notes: [
      ...plan.notes,
      message(choice.from === '--ca-cert' ? 'note.ca-cert.flag' : 'note.ca-cert.env', { from: choice.from, variables: variables.join(', ') }),
    ],
  };
}

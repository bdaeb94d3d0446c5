import { comment } from '../render/quote.js';
import { EN, type MessageId } from './en.js';
import { FR } from './fr.js';

export type { MessageId } from './en.js';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

const CATALOGS: Record<Locale, Record<MessageId, string>> = { en: EN, fr: FR };

/** A sentence to say later, in whatever language the output is written in. */
export interface Message {
  readonly id: MessageId;
  readonly args?: Readonly<Record<string, string | number | Message>>;
}

export const message = (id: MessageId, args?: Message['args']): Message => (args ? { id, args } : { id });

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).id === 'string' && (value as Message).id in EN;

/**
 * The sentence in `locale`, placeholders filled. Arguments come from the user's project, so each is
 * flattened to one comment-safe line; a placeholder without its argument is a template bug and throws.
 */
export function say(locale: Locale, id: string, args: Readonly<Record<string, unknown>> = {}): string {
  if (!(id in EN)) throw new Error(`unknown message ${JSON.stringify(id)}`);
  return CATALOGS[locale][id as MessageId].replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = args[name];
    if (value === undefined || value === null) throw new Error(`message ${id} needs {${name}}`);
    return comment(isMessage(value) ? sayMessage(locale, value) : String(value));
  });
}

export const sayMessage = (locale: Locale, text: Message): string => say(locale, text.id, text.args);

/** What the CLI summary and --json show: the English text. */
export const english = (text: Message): string => sayMessage('en', text);

/** `# ` lines, wrapped on spaces so that none passes `width` unless one word does. */
export function commentLines(text: string, width = 110): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '#' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

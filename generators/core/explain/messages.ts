export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * A sentence to say later, in whatever language the output is written in. Ids live in the message
 * catalogs (core/explain/shared-messages.ts and each language's messages.ts); each catalog's
 * `message` helper is the typed way to make one.
 */
export interface Message {
  readonly id: string;
  /** Values from the project or the tool; a list of messages is said joined by commas. */
  readonly args?: Readonly<Record<string, string | number | Message | readonly Message[]>>;
}

/** A sentence said later, in the language of the run (an error's, a note's whose words come from several catalogs). */
export type Said = (locale: Locale) => string;

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).id === 'string' && Object.keys(value).every((key) => key === 'id' || key === 'args');

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

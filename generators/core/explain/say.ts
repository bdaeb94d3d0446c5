import type { Catalog } from './catalog.js';
import { isMessage, type Locale, type Message } from './messages.js';
import { comment } from '../render/quote.js';

/**
 * The sentence in `locale`, placeholders filled. Arguments come from the user's project, so each is
 * flattened to one comment-safe line; a placeholder without its argument is a template bug and throws.
 */
export function say(catalog: Catalog, locale: Locale, id: string, args: Readonly<Record<string, unknown>> = {}): string {
  if (!Object.hasOwn(catalog.en, id)) throw new Error(`unknown message ${JSON.stringify(id)}`);
  return catalog[locale][id]!.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = args[name];
    if (value === undefined || value === null) throw new Error(`message ${id} needs {${name}}`);
    if (isMessage(value)) return comment(say(catalog, locale, value.id, value.args));
    if (Array.isArray(value) && value.every(isMessage)) return value.map((item: Message) => comment(say(catalog, locale, item.id, item.args))).join(', ');
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`message ${id}: {${name}} must be text or a number, not ${typeof value}`);
    // A fraction in a French sentence takes a comma (12,3 s); integers (ports, counts) read the same.
    return comment(typeof value === 'number' && locale === 'fr' && !Number.isInteger(value) ? String(value).replace('.', ',') : String(value));
  });
}

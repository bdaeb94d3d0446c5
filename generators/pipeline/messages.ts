import type { Catalog } from '../core/explain/catalog.js';
import { isMessage, LOCALES, type Locale, type Message } from '../core/explain/messages.js';
import { SHARED_MESSAGES } from '../core/explain/shared-messages.js';
import { comment } from '../core/render/quote.js';
import type { AnyLanguage } from '../languages/registry.js';
import { onceper } from '../core/memo.js';

/** The shared sentences plus every language's; an id two catalogs both define is a bug, caught here. */
/** The languages' catalogs merged, once per list of languages (every render asks). */
export const catalogOf = onceper(mergeCatalogs);

function mergeCatalogs(languages: readonly AnyLanguage[]): Catalog {
  const merged = Object.fromEntries(LOCALES.map((locale) => [locale, new Map(Object.entries(SHARED_MESSAGES.catalog[locale]))])) as Record<
    Locale,
    Map<string, string>
  >;
  for (const definition of languages) {
    for (const locale of LOCALES) {
      for (const [id, text] of Object.entries(definition.messages[locale])) {
        if (merged[locale].has(id)) throw new Error(`message ${id} of ${definition.id} is already defined`);
        merged[locale].set(id, text);
      }
    }
  }
  return Object.fromEntries(LOCALES.map((locale) => [locale, Object.fromEntries(merged[locale])])) as Catalog;
}

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
    return comment(String(value));
  });
}

export const sayMessage = (catalog: Catalog, locale: Locale, text: Message): string => say(catalog, locale, text.id, text.args);

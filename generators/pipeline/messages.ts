import type { Catalog } from '../core/explain/catalog.js';
import { LOCALES, type Locale, type Message } from '../core/explain/messages.js';
import { say } from '../core/explain/say.js';
import { SHARED_MESSAGES } from '../core/explain/shared-messages.js';
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

export const sayMessage = (catalog: Catalog, locale: Locale, text: Message): string => say(catalog, locale, text.id, text.args);
export { say };

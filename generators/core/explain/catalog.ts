import type { Locale, Message } from './messages.js';
import { say } from './say.js';
import type { SharedMessageId } from './shared-messages.js';

/** One catalog: the same keys in every locale, so a missing translation is a compile error. */
export type Catalog<Id extends string = string> = { readonly [L in Locale]: Readonly<Record<Id, string>> };

export interface DefinedCatalog<Id extends string> {
  readonly catalog: Catalog<Id>;
  /** A sentence to say later, in whatever language the output is written in; the id is checked by the compiler. */
  readonly message: (id: Id, args?: Message['args']) => Message;
  /** The sentence now, in `locale`. */
  readonly text: (locale: Locale, id: Id, args?: Message['args']) => string;
}

/** English first; French must have exactly its keys. */
export function defineMessages<E extends Record<string, string>>(catalog: {
  readonly en: E;
  readonly fr: { readonly [K in keyof E]: string };
}): DefinedCatalog<keyof E & string> {
  return {
    catalog: catalog,
    message: (id, args) => (args ? { id, args } : { id }),
    text: (locale, id, args) => say(catalog, locale, id, args),
  };
}

/**
 * A language's own catalog: its `message` also takes the shared ids (reason.chosen, health.none.*),
 * which the pipeline's merged catalog holds.
 */
export function defineLanguageMessages<E extends Record<string, string>>(catalog: {
  readonly en: E;
  readonly fr: { readonly [K in keyof E]: string };
}): DefinedCatalog<(keyof E & string) | SharedMessageId> {
  return defineMessages(catalog);
}

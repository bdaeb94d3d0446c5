import type { Language } from '../../generators/languages/registry.js';

/** A plan or facts value as its own language's type, after checking that it is that language's. */
export function narrow<L extends Language, T extends { readonly language: string }>(value: T, language: L): Extract<T, { readonly language: L }> {
  if (value.language !== language) throw new Error(`expected ${language}, got ${value.language}`);
  return value as Extract<T, { readonly language: L }>;
}

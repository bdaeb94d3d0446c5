import type { Locale } from './messages.js';

/** A decimal as the language writes it: French uses a comma. */
export const decimal = (value: number, digits: number, locale: Locale) => (locale === 'fr' ? value.toFixed(digits).replace('.', ',') : value.toFixed(digits));

/** Megabytes (10^6 bytes, as docker prints them) with two decimals. */
export const megabytes = (bytes: number, locale: Locale) => decimal(bytes / 1e6, 2, locale);

/** Percent saved going from `before` to `after` bytes: positive shrinks, negative grows. */
export const savedPercent = (before: number, after: number) => (before <= 0 ? 0 : ((before - after) / before) * 100);

/** A saving as the tables print it: `=` for the same size, `-12.3 %` smaller, `+4.0 %` bigger. */
export function savedText(before: number, after: number, locale: Locale): string {
  if (before === after) return '=';
  const percent = savedPercent(before, after);
  return `${percent > 0 ? '-' : '+'}${decimal(Math.abs(percent), 1, locale)} %`;
}

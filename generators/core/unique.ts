/** The items once each, in first-seen order. */
export const unique = <T>(items: Iterable<T>): T[] => [...new Set(items)];

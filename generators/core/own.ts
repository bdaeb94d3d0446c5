/**
 * A table entry by a key that came from a project. Keys are data: `constructor` or `__proto__` in
 * a dependency list must find nothing, not Object.prototype's members.
 */
export const own = <V>(table: Readonly<Record<string, V>>, key: string): V | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

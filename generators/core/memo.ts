/**
 * A pure function of one object, computed once per object. Workspace services share their lists
 * (every member's manifests, say) by reference: what is derived from such a list is derived once,
 * not once per member, which would make a workspace of n members cost n².
 */
export function onceper<K extends object, V>(derive: (key: K) => V): (key: K) => V {
  const known = new WeakMap<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key)!;
    const value = derive(key);
    known.set(key, value);
    return value;
  };
}

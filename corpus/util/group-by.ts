/**
 * The one group-by of the project: items in a `Map` from key to the items bearing it, each list in
 * the items' order. Keys keep the order in which they were first seen.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) pushTo(groups, keyOf(item), item);
  return groups;
}

/** Appends `value` to the list under `key`, creating the list when absent (the loop every index builder writes). */
export function pushTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

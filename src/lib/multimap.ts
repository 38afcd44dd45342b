/** Append `value` to the list kept under `key`, creating the list on first use (in place: no copy per append). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Caches a derived value per object, for values computed from immutable objects on every request
 * (a knowledge section's sentences and their search terms). The cache lives as long as the object:
 * a rebuilt index drops the old sections and their values with them.
 */
export function memoByObject<K extends object, V>(derive: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    const value = derive(key);
    cache.set(key, value);
    return value;
  };
}

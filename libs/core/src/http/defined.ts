/**
 * The properties of a validated DTO that the client actually sent. DTO classes declare every optional
 * field, so an instance carries them as own properties set to undefined; spreading one would erase data.
 */
export function defined<T extends object>(dto: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (!dto) return out;
  for (const [k, v] of Object.entries(dto)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

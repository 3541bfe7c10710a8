/** JSON with sorted object keys: two bodies that differ only in key order are the same request. */
export function canonicalJsonOf(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJsonOf).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj).sort().filter((k) => obj[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJsonOf(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whole months and exact percentiles, as the reports count them. */

/** The months from..to ('YYYY-MM'), both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) { m = 1; y += 1; }
  }
  return out;
}

/** percentile_disc over a histogram of whole units: the smallest value whose cumulative share reaches p. */
export function percentile(histogram: Map<number, number>, p: number): number | null {
  const total = [...histogram.values()].reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  let cumulative = 0;
  for (const value of [...histogram.keys()].sort((a, b) => a - b)) {
    cumulative += histogram.get(value)!;
    if (cumulative >= p * total) return value;
  }
  return null;
}

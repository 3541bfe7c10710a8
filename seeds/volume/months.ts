/** One calendar month of identification dates and how many of the run's cases fall in it. */
export interface MonthSlot {
  /** First day of the month, YYYY-MM-DD. */
  start: string;
  /** Days of the month that may hold an identification date (fewer in the month of `until`). */
  days: number;
  /** Index (from 0, within the run) of the month's first case. */
  first: number;
  count: number;
}

export const MONTHS = 60;

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The sixty calendar months that end with the day before `until`, and the run's cases spread over them:
 * a mild upward trend (about +60% over five years), a peak in the December holidays and a smaller one in the
 * July-August school holidays, and the last month in proportion to its days so far. Cases are numbered in
 * date order, so that case numbers, ids and creation times grow together as they would in production.
 */
export function monthSlots(until: string, cases: number): MonthSlot[] {
  const last = addDays(until, -1);
  const [y, m] = last.split('-').map(Number);
  const slots: { start: string; days: number; weight: number }[] = [];
  for (let i = 0; i < MONTHS; i += 1) {
    const index = y * 12 + (m - 1) - (MONTHS - 1 - i);
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const days = i === MONTHS - 1 ? Number(last.slice(8, 10)) : length;
    const trend = 1 + (0.6 * i) / (MONTHS - 1);
    const season = 1 + 0.15 * Math.cos((2 * Math.PI * (month - 12)) / 12) + 0.08 * Math.cos((2 * Math.PI * (month - 7.5)) / 6);
    slots.push({ start, days, weight: trend * season * (days / length) });
  }
  const total = slots.reduce((s, x) => s + x.weight, 0);
  const exact = slots.map((s) => (cases * s.weight) / total);
  const counts = exact.map(Math.floor);
  // Largest remainders get the cases that rounding down left over.
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  const missing = cases - counts.reduce((s, c) => s + c, 0);
  for (let k = 0; k < missing; k += 1) counts[order[k][1]] += 1;
  let first = 0;
  return slots.map((s, i) => {
    const slot = { start: s.start, days: s.days, first, count: counts[i] };
    first += counts[i];
    return slot;
  });
}

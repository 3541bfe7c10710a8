/** "+N years" keeps the day of the month, clamped to the month's last day (PRODUCT.md section 4). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The instant a calendar day starts in Ecuador (UTC-5), minus some days. */
export function startOfDayInEcuador(date: string, minusDays = 0): Date {
  const start = new Date(`${date}T05:00:00.000Z`);
  return new Date(start.getTime() - minusDays * 24 * 3600_000);
}

/** "+N months" keeps the day of the month, clamped to the month's last day (PRODUCT.md section 4). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The instant a calendar day starts in Ecuador (UTC-5). */
export function startOfDayInEcuador(date: string): Date {
  return new Date(`${date}T05:00:00.000Z`);
}

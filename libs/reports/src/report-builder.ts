import { countryName, Locale } from '@ruta/core';
import { EXPLOITATION_FORMS, SEXES } from '@ruta/directory';
import { codeText, REPORT_TEXTS, SERIES_TEXTS, SUMMARY_TEXTS, text } from './i18n/report-texts';
import { Cell, ReportName, ReportSeries, ReportSummary, ReportTable, SeriesUnit } from './report.types';
import { Directory, FactRow } from './reports.repository';
import { CellStatus, CellSystem } from './suppression/cell-system';
import { monthsBetween, percentile } from './report-math';

export interface BuildInput {
  from: string;
  to: string;
  k: number;
  locale: Locale;
  rows: FactRow[];
  directory: Directory;
  refreshedAt: Date | null;
  now: Date;
}

/** A statistic: shown only when computed over at least k records. */
interface Stat { stat: number | null; n: number }
type Slot = number | Stat | null;

interface DraftSeries { key: string; unit: SeriesUnit; slots: Slot[]; total?: Slot; share?: { of: number[]; whole: number } }
interface DraftTable { name: ReportName; keys: string[]; labels: string[]; series: DraftSeries[]; chart: ReportTable['chart'] }

const AGE_ORDER = ['0-11', '12-17', '18-29', '30-59', '60+', 'unknown'];
const SEX_ORDER: readonly string[] = SEXES;
const STATUS_ORDER = ['possible_victim', 'presumed_victim', 'recognized_victim', 'not_a_victim'];
/** The forms in the contract's order; `none` for a case with no form recorded. */
const FORM_ORDER: readonly string[] = [...EXPLOITATION_FORMS, 'none'];
const DECISION_ORDER = ['recognize', 'not_recognize', 'request_information'];
const VISA_ORDER = ['requested', 'under_review', 'granted', 'denied', 'withdrawn'];
const DECLINE_ORDER = ['no_capacity', 'not_eligible', 'victim_declined', 'outside_mandate', 'other', 'not_recorded'];

/**
 * Turns a period's summed facts into the published reports: every count goes into one CellSystem with
 * the lines that tie the reports together, the system decides what is hidden, then the tables are written
 * with labels in the request's language.
 */
export class ReportBuilder {
  private readonly sys: CellSystem;
  private readonly byReport = new Map<string, FactRow[]>();
  private readonly tables: DraftTable[] = [];

  constructor(private readonly input: BuildInput) {
    this.sys = new CellSystem(input.k);
    for (const r of input.rows) {
      if (!this.byReport.has(r.report)) this.byReport.set(r.report, []);
      this.byReport.get(r.report)!.push(r);
    }
  }

  build(): ReportSummary {
    const { locale, k } = this.input;
    const grand = this.sys.cell(this.sum('sex'));
    this.sys.keepShownIfPossible(grand);

    this.byMonth(grand);
    this.oneDimension('by-sex', 'sex', SEX_ORDER, (c) => codeText('sex', c, locale), grand, true);
    const age = this.oneDimension('by-age-group', 'age', AGE_ORDER, (c) => codeText('age', c, locale), grand, true);
    const nationality = this.oneDimension('by-nationality', 'nationality', null, (c) => countryName(c, locale), grand, false);
    const province = this.oneDimension('by-province', 'province', [...this.input.directory.provinces.keys()].sort(),
      (c) => this.input.directory.provinces.get(c) ?? c, grand, true);
    this.oneDimension('by-agency', 'agency', null, (c) => this.agency(c), grand, false);
    const status = this.oneDimension('by-trafficking-status', 'status', STATUS_ORDER, (c) => codeText('status', c, locale), grand, true);
    this.forms(grand);
    this.minors(grand, age);
    this.route(province, nationality);
    const recognize = this.reviews();
    this.tieIfEqual(recognize, status.get('recognized_victim'));
    this.referralTimes();
    this.declined();
    this.occupancy();
    this.visas();
    this.followUp();
    this.overdue();
    const toRecognition = this.durations();
    this.tieIfEqual(toRecognition, status.get('recognized_victim'));

    const decided = this.sys.solve();
    const reports = this.tables.map((t) => this.publish(t, decided));
    return {
      title: text(SUMMARY_TEXTS.title, locale),
      from: this.input.from,
      to: this.input.to,
      k,
      language: locale,
      generatedAt: this.input.now.toISOString(),
      refreshedAt: this.input.refreshedAt ? this.input.refreshedAt.toISOString() : null,
      legend: {
        primary: text(SUMMARY_TEXTS.primary, locale, { k, k1: k - 1 }),
        complementary: text(SUMMARY_TEXTS.complementary, locale, { k }),
      },
      totalCases: this.cellValue(grand, decided),
      reports: ORDER.map((name) => reports.find((r) => r.name === name)!).filter(Boolean),
    };
  }

  // --- the reports ---------------------------------------------------------------------------------------------

  private byMonth(grand: number): void {
    const months = monthsBetween(this.input.from, this.input.to);
    const counts = new Map<string, number>();
    for (const r of this.rows('sex')) counts.set(r.month!, (counts.get(r.month!) ?? 0) + r.n);
    const cells = months.map((m) => this.sys.cell(counts.get(m) ?? 0));
    this.sys.line(cells, grand);
    this.tables.push({
      name: 'by-month', keys: months, labels: months.map((m) => this.monthLabel(m)), chart: 'line',
      series: [{ key: 'cases', unit: 'cases', slots: cells, total: grand }],
    });
  }

  /** A report of cases by one dimension whose rows add up to the period's total; returns each key's cell. */
  private oneDimension(name: ReportName, report: string, order: readonly string[] | null, label: (code: string) => string, grand: number,
    keepZeros: boolean): Map<string, number> {
    const counts = this.countBy(report, (r) => r.k1);
    const keys = order ? [...order.filter((c) => keepZeros || counts.has(c)), ...[...counts.keys()].filter((c) => !order.includes(c)).sort()]
      : [...counts.keys()].sort((a, b) => label(a).localeCompare(label(b), this.input.locale));
    const visible = keys.filter((c) => keepZeros || (counts.get(c) ?? 0) > 0);
    const cells = new Map(visible.map((c) => [c, this.sys.cell(counts.get(c) ?? 0)]));
    this.sys.line([...cells.values()], grand);
    this.tables.push({
      name, keys: visible, labels: visible.map(label), chart: 'bar',
      series: [{ key: 'cases', unit: 'cases', slots: [...cells.values()], total: grand }],
    });
    return cells;
  }

  private forms(grand: number): void {
    const counts = this.countBy('form', (r) => r.k1);
    const keys = [...FORM_ORDER.filter((c) => c !== 'none' || counts.has('none')), ...[...counts.keys()].filter((c) => !FORM_ORDER.includes(c))];
    const cells = keys.map((c) => this.sys.cell(counts.get(c) ?? 0));
    // A case may have several forms: the rows add up to the total only when none has more than one.
    const sum = keys.reduce((s, c) => s + (counts.get(c) ?? 0), 0);
    if (sum === this.sys.value(grand)) this.sys.line(cells, grand);
    this.tables.push({
      name: 'by-exploitation-form', keys, labels: keys.map((c) => codeText('form', c, this.input.locale)), chart: 'bar',
      series: [{ key: 'cases', unit: 'cases', slots: cells, total: grand }],
    });
  }

  private minors(grand: number, age: Map<string, number>): void {
    const cellOr0 = (c: string) => age.get(c) ?? this.sys.cell(0);
    const young = ['0-11', '12-17'].map(cellOr0);
    const old = ['18-29', '30-59', '60+'].map(cellOr0);
    const minors = this.sys.cell(young.reduce((s, c) => s + this.sys.value(c), 0));
    const adults = this.sys.cell(old.reduce((s, c) => s + this.sys.value(c), 0));
    this.sys.line(young, minors);
    this.sys.line(old, adults);
    const keys = ['minors', 'adults'];
    const cells = [minors, adults];
    const unknown = age.get('unknown');
    if (unknown !== undefined && this.sys.value(unknown) > 0) { keys.push('unknown'); cells.push(unknown); }
    this.sys.line(unknown !== undefined ? [minors, adults, unknown] : [minors, adults], grand);
    this.tables.push({
      name: 'minors', keys, labels: keys.map((c) => codeText('minors', c, this.input.locale)), chart: 'bar',
      series: [
        { key: 'cases', unit: 'cases', slots: cells, total: grand },
        { key: 'share', unit: 'percent', slots: cells.map(() => null), share: { of: cells, whole: grand } },
      ],
    });
  }

  private route(province: Map<string, number>, nationality: Map<string, number>): void {
    const rows = this.rows('route').filter((r) => r.n > 0);
    const cells = new Map<string, number>();
    // The summed facts hold one row per (province, nationality).
    for (const r of rows) cells.set(`${r.k1}|${r.k2}`, this.sys.cell(r.n));
    for (const [p, total] of province) {
      const parts = [...cells].filter(([key]) => key.startsWith(`${p}|`)).map(([, c]) => c);
      if (parts.length > 0 || this.sys.value(total) > 0) this.sys.line(parts, total);
    }
    for (const [n, total] of nationality) this.sys.line([...cells].filter(([key]) => key.split('|')[1] === n).map(([, c]) => c), total);
    const label = (key: string) => {
      const [p, n] = key.split('|');
      return `${this.input.directory.provinces.get(p) ?? p} — ${countryName(n, this.input.locale)}`;
    };
    const keys = [...cells.keys()].sort((a, b) => label(a).localeCompare(label(b), this.input.locale));
    this.tables.push({
      name: 'by-route', keys, labels: keys.map(label), chart: null,
      series: [{ key: 'cases', unit: 'cases', slots: keys.map((key) => cells.get(key)!) }],
    });
  }

  private reviews(): number | undefined {
    const counts = this.countBy('review', (r) => r.k1);
    const cells = DECISION_ORDER.map((d) => this.sys.cell(counts.get(d) ?? 0));
    const total = this.sys.cell(cells.reduce((s, c) => s + this.sys.value(c), 0));
    this.sys.line(cells, total);
    this.tables.push({
      name: 'reviews', keys: DECISION_ORDER, labels: DECISION_ORDER.map((d) => codeText('review', d, this.input.locale)), chart: 'bar',
      series: [{ key: 'reviews', unit: 'count', slots: cells, total }],
    });
    return cells[0];
  }

  private referralTimes(): void {
    const made = this.countBy('referral', (r) => `${r.k1}|${r.k2}`);
    const hours = this.histograms('referral_hours', (r) => `${r.k1}|${r.k2}`);
    const label = (key: string) => {
      const [service, agency] = key.split('|');
      return `${this.input.directory.services.get(service)?.[this.input.locale] ?? service} — ${this.agency(agency)}`;
    };
    const keys = [...made.keys()].sort((a, b) => label(a).localeCompare(label(b), this.input.locale));
    const madeCells = keys.map((key) => this.sys.cell(made.get(key) ?? 0));
    const answeredCells = keys.map((key) => this.sys.cell(this.histogramTotal(hours.get(key))));
    const madeTotal = this.sys.cell(madeCells.reduce((s, c) => s + this.sys.value(c), 0));
    const answeredTotal = this.sys.cell(answeredCells.reduce((s, c) => s + this.sys.value(c), 0));
    this.sys.line(madeCells, madeTotal);
    this.sys.line(answeredCells, answeredTotal);
    const all = new Map<number, number>();
    for (const h of hours.values()) for (const [b, n] of h) all.set(b, (all.get(b) ?? 0) + n);
    const stat = (h: Map<number, number> | undefined, p: number): Stat => ({ stat: h ? percentile(h, p) : null, n: this.histogramTotal(h) });
    this.tables.push({
      name: 'referral-times', keys, labels: keys.map(label), chart: 'bar',
      series: [
        { key: 'medianHours', unit: 'hours', slots: keys.map((key) => stat(hours.get(key), 0.5)), total: stat(all, 0.5) },
        { key: 'p90Hours', unit: 'hours', slots: keys.map((key) => stat(hours.get(key), 0.9)), total: stat(all, 0.9) },
        { key: 'referrals', unit: 'count', slots: madeCells, total: madeTotal },
        { key: 'answered', unit: 'count', slots: answeredCells, total: answeredTotal },
      ],
    });
  }

  private declined(): void {
    const counts = this.countBy('declined', (r) => `${r.k1}|${r.k2}`);
    const label = (key: string) => {
      const [service, reason] = key.split('|');
      return `${this.input.directory.services.get(service)?.[this.input.locale] ?? service} — ${codeText('declineReason', reason, this.input.locale)}`;
    };
    const keys = [...counts.keys()].sort((a, b) => {
      const [sa, ra] = a.split('|');
      const [sb, rb] = b.split('|');
      return sa.localeCompare(sb) || DECLINE_ORDER.indexOf(ra) - DECLINE_ORDER.indexOf(rb);
    });
    const cells = keys.map((key) => this.sys.cell(counts.get(key)!));
    const total = this.sys.cell(cells.reduce((s, c) => s + this.sys.value(c), 0));
    this.sys.line(cells, total);
    this.tables.push({ name: 'referrals-declined', keys, labels: keys.map(label), chart: 'bar', series: [{ key: 'declined', unit: 'count', slots: cells, total }] });
  }

  private occupancy(): void {
    const months = monthsBetween(this.input.from, this.input.to);
    const rows = this.rows('occupancy');
    const shelters = [...new Set(rows.map((r) => r.k1))]
      .sort((a, b) => (this.input.directory.shelters.get(a) ?? a).localeCompare(this.input.directory.shelters.get(b) ?? b, this.input.locale));
    const series = shelters.map((s) => ({
      key: s, unit: 'count' as const,
      slots: months.map((m) => this.sys.cell(rows.filter((r) => r.k1 === s && r.month === m).reduce((sum, r) => sum + r.n, 0))),
    }));
    this.tables.push({ name: 'shelter-occupancy', keys: months, labels: months.map((m) => this.monthLabel(m)), chart: 'bar', series });
  }

  private visas(): void {
    const counts = this.countBy('visa', (r) => r.k1);
    const days = this.histograms('visa_days', (r) => r.k1);
    const cells = VISA_ORDER.map((s) => this.sys.cell(counts.get(s) ?? 0));
    const total = this.sys.cell(cells.reduce((s, c) => s + this.sys.value(c), 0));
    this.sys.line(cells, total);
    const stat = (s: string, p: number): Slot => (['granted', 'denied'].includes(s) ? { stat: percentile(days.get(s) ?? new Map(), p), n: this.histogramTotal(days.get(s)) } : null);
    this.tables.push({
      name: 'visas', keys: VISA_ORDER, labels: VISA_ORDER.map((s) => codeText('visa', s, this.input.locale)), chart: 'bar',
      series: [
        { key: 'requests', unit: 'count', slots: cells, total },
        { key: 'medianDays', unit: 'days', slots: VISA_ORDER.map((s) => stat(s, 0.5)) },
        { key: 'p90Days', unit: 'days', slots: VISA_ORDER.map((s) => stat(s, 0.9)) },
      ],
    });
  }

  private followUp(): void {
    const rows = this.rows('follow_up');
    const agencies = [...new Set(rows.map((r) => r.k1))].sort((a, b) => this.agency(a).localeCompare(this.agency(b), this.input.locale));
    const kinds = ['on_time', 'late', 'not_done'];
    const get = (a: string, kind: string) => rows.filter((r) => r.k1 === a && r.k2 === kind).reduce((s, r) => s + r.n, 0);
    const grid = agencies.map((a) => kinds.map((kind) => this.sys.cell(get(a, kind))));
    const due = grid.map((row) => this.sys.cell(row.reduce((s, c) => s + this.sys.value(c), 0)));
    grid.forEach((row, i) => this.sys.line(row, due[i]));
    const columnTotals = kinds.map((_, j) => this.sys.cell(grid.reduce((s, row) => s + this.sys.value(row[j]), 0)));
    const dueTotal = this.sys.cell(due.reduce((s, c) => s + this.sys.value(c), 0));
    kinds.forEach((_, j) => this.sys.line(grid.map((row) => row[j]), columnTotals[j]));
    this.sys.line(due, dueTotal);
    this.sys.line(columnTotals, dueTotal);
    this.tables.push({
      name: 'follow-up', keys: agencies, labels: agencies.map((a) => this.agency(a)), chart: 'bar',
      series: [
        { key: 'due', unit: 'count', slots: due, total: dueTotal },
        { key: 'onTime', unit: 'count', slots: grid.map((row) => row[0]), total: columnTotals[0] },
        { key: 'late', unit: 'count', slots: grid.map((row) => row[1]), total: columnTotals[1] },
        { key: 'notDone', unit: 'count', slots: grid.map((row) => row[2]), total: columnTotals[2] },
      ],
    });
  }

  private overdue(): void {
    const counts = this.countBy('overdue', (r) => r.k1);
    const keys = [...counts.keys()].sort((a, b) => this.agency(a).localeCompare(this.agency(b), this.input.locale));
    const cells = keys.map((a) => this.sys.cell(counts.get(a)!));
    const total = this.sys.cell(cells.reduce((s, c) => s + this.sys.value(c), 0));
    this.sys.line(cells, total);
    this.tables.push({ name: 'overdue-tasks', keys, labels: keys.map((a) => this.agency(a)), chart: 'bar', series: [{ key: 'overdue', unit: 'count', slots: cells, total }] });
  }

  private durations(): number {
    const stages = ['to_recognition', 'to_service'];
    const histograms = stages.map((s) => this.histograms(s, () => '').get('') ?? new Map<number, number>());
    const cells = histograms.map((h) => this.sys.cell(this.histogramTotal(h)));
    this.tables.push({
      name: 'durations', keys: stages, labels: stages.map((s) => codeText('durations', s, this.input.locale)), chart: 'bar',
      series: [
        { key: 'medianDays', unit: 'days', slots: histograms.map((h) => ({ stat: percentile(h, 0.5), n: this.histogramTotal(h) })) },
        { key: 'p90Days', unit: 'days', slots: histograms.map((h) => ({ stat: percentile(h, 0.9), n: this.histogramTotal(h) })) },
        { key: 'cases', unit: 'cases', slots: cells },
      ],
    });
    return cells[0];
  }

  // --- publishing ----------------------------------------------------------------------------------------------

  private publish(t: DraftTable, decided: CellStatus[]): ReportTable {
    const { locale } = this.input;
    const texts = REPORT_TEXTS[t.name];
    const series: ReportSeries[] = t.series.map((s) => {
      const name = SERIES_TEXTS[s.key] ? text(SERIES_TEXTS[s.key], locale) : this.input.directory.shelters.get(s.key) ?? s.key;
      const data = s.share ? s.share.of.map((c) => this.share(c, s.share!.whole, decided)) : s.slots.map((slot) => this.slotValue(slot, decided));
      const out: ReportSeries = { key: s.key, name, unit: s.unit, data };
      if (s.total !== undefined) out.total = this.slotValue(s.total, decided);
      return out;
    });
    return {
      name: t.name, title: text(texts.title, locale), dimension: text(texts.dimension, locale), keys: t.keys, labels: t.labels, series,
      chart: t.chart, ...(texts.note ? { note: text(texts.note, locale) } : {}),
    };
  }

  private slotValue(slot: Slot, decided: CellStatus[]): Cell {
    if (slot === null) return null;
    if (typeof slot === 'number') return this.cellValue(slot, decided);
    if (slot.n === 0) return null;
    return slot.n < this.input.k ? 'x' : slot.stat;
  }

  private cellValue(cell: number, decided: CellStatus[]): Cell {
    const s = decided[cell];
    if (s === 'primary') return `<${this.input.k}`;
    if (s === 'complementary') return 'x';
    return this.sys.value(cell);
  }

  private share(cell: number, whole: number, decided: CellStatus[]): Cell {
    const part = this.cellValue(cell, decided);
    const all = this.cellValue(whole, decided);
    if (typeof part !== 'number' || typeof all !== 'number') return 'x';
    return all === 0 ? null : Math.round((part / all) * 1000) / 10;
  }

  // --- helpers -------------------------------------------------------------------------------------------------

  private tieIfEqual(a: number | undefined, b: number | undefined): void {
    // The same people counted in two reports: what hides one must hide the other.
    if (a !== undefined && b !== undefined && this.sys.value(a) === this.sys.value(b)) this.sys.line([a], b);
  }

  private rows(report: string): FactRow[] {
    return this.byReport.get(report) ?? [];
  }

  private sum(report: string): number {
    return this.rows(report).reduce((s, r) => s + r.n, 0);
  }

  private countBy(report: string, key: (r: FactRow) => string): Map<string, number> {
    const out = new Map<string, number>();
    for (const r of this.rows(report)) out.set(key(r), (out.get(key(r)) ?? 0) + r.n);
    return out;
  }

  private histograms(report: string, key: (r: FactRow) => string): Map<string, Map<number, number>> {
    const out = new Map<string, Map<number, number>>();
    for (const r of this.rows(report)) {
      const h = out.get(key(r)) ?? new Map<number, number>();
      h.set(r.bucket, (h.get(r.bucket) ?? 0) + r.n);
      out.set(key(r), h);
    }
    return out;
  }

  private histogramTotal(h: Map<number, number> | undefined): number {
    return h ? [...h.values()].reduce((s, n) => s + n, 0) : 0;
  }

  private agency(code: string): string {
    if (code === 'none') return codeText('agencyNone', 'none', this.input.locale);
    return this.input.directory.agencyName(code)[this.input.locale];
  }

  private monthLabel(month: string): string {
    const [y, m] = month.split('-').map(Number);
    return new Intl.DateTimeFormat(this.input.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  }
}

const ORDER: ReportName[] = ['by-month', 'by-exploitation-form', 'by-sex', 'by-age-group', 'minors', 'by-nationality', 'by-province',
  'by-route', 'by-agency', 'by-trafficking-status', 'reviews', 'durations', 'referral-times', 'referrals-declined', 'shelter-occupancy',
  'visas', 'follow-up', 'overdue-tasks'];

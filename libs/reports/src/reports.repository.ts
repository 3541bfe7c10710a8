import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One summed row of report_facts for a period: month only for the reports drawn month by month. */
export interface FactRow {
  report: string;
  month: string | null;
  k1: string;
  k2: string;
  bucket: number;
  n: number;
}

/** The names the reports label their rows with (agencies come from the directory's in-memory names). */
export interface Directory {
  agencyName: (code: string) => { es: string; en: string };
  services: Map<string, { es: string; en: string }>;
  shelters: Map<string, string>;
  provinces: Map<string, string>;
}

export const FACT_REPORTS = ['sex', 'age', 'nationality', 'province', 'agency', 'status', 'route', 'form', 'review', 'referral',
  'referral_hours', 'declined', 'occupancy', 'visa', 'visa_days', 'follow_up', 'overdue', 'to_recognition', 'to_service'] as const;
export const MONTHLY = ['sex', 'occupancy'];

/** A period's facts: $1..$2 the first days of its months, $3 FACT_REPORTS, $4 MONTHLY (the benchmark times this query alone too). */
export const FACTS_SQL = `SELECT report, CASE WHEN report = ANY($4) THEN to_char(month, 'YYYY-MM') END AS month, k1, k2, bucket, sum(n)::int AS n
  FROM report_facts WHERE report = ANY($3) AND month >= $1::date AND month <= $2::date
  GROUP BY 1, 2, 3, 4, 5`;

/** Reads the summaries (never the cases themselves) and asks the database to refresh them. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Sums of every summary over the whole months from..to (first days of months). */
  async facts(from: string, to: string): Promise<{ rows: FactRow[]; refreshedAt: Date | null }> {
    const [rows, refreshed] = await Promise.all([
      this.ds.query(FACTS_SQL, [from, to, FACT_REPORTS, MONTHLY]) as Promise<FactRow[]>,
      this.ds.query(`SELECT refreshed_at FROM report_refreshes`) as Promise<{ refreshed_at: Date }[]>,
    ]);
    return { rows, refreshedAt: refreshed[0]?.refreshed_at ?? null };
  }

  async directory(): Promise<Omit<Directory, 'agencyName'>> {
    const [services, shelters, provinces] = await Promise.all([
      this.ds.query(`SELECT code, name_es, name_en FROM service_types`) as Promise<{ code: string; name_es: string; name_en: string }[]>,
      this.ds.query(`SELECT id, name FROM shelters`) as Promise<{ id: string; name: string }[]>,
      this.ds.query(`SELECT code, name FROM provinces`) as Promise<{ code: string; name: string }[]>,
    ]);
    return {
      services: new Map(services.map((s) => [s.code, { es: s.name_es, en: s.name_en }])),
      shelters: new Map(shelters.map((s) => [s.id, s.name])),
      provinces: new Map(provinces.map((p) => [p.code, p.name])),
    };
  }

  /**
   * Refreshes report_facts (CONCURRENTLY: readers go on reading the previous contents). Returns when it
   * started, or null when another refresh was already running.
   */
  async refresh(timeoutMs: number): Promise<Date | null> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT set_config('statement_timeout', $1, true)`, [String(timeoutMs)]);
      const [row] = (await m.query(`SELECT ruta_refresh_report_facts() AS at`)) as { at: Date | null }[];
      return row.at;
    });
  }
}

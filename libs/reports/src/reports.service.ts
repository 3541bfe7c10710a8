import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Actor, Clock, Locale, ProblemException, RequestMeta, reportsConfig } from '@ruta/core';
import { AuditService } from '@ruta/audit';
import { AgencyNames } from '@ruta/directory';
import { ReportBuilder } from './report-builder';
import { monthsBetween } from './report-math';
import { reportCsv } from './report-csv';
import { ReportName, REPORT_NAMES, ReportSummary } from './report.types';
import { ReportsErrorCode } from './reports.exception';
import { ReportsRepository } from './reports.repository';
import { renderSummaryPdf } from './pdf/summary-pdf';

export type ReportFormat = 'json' | 'csv' | 'pdf';

/** PRODUCT.md section 11: reports for auditors and the committee, built from the summaries, every pull audited. */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    private readonly repository: ReportsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly agencies: AgencyNames,
    @Inject(reportsConfig.KEY) private readonly config: ConfigType<typeof reportsConfig>,
  ) {}

  async summary(period: { from: string; to: string }, locale: Locale, actor: Actor, meta: RequestMeta): Promise<ReportSummary> {
    const summary = await this.build(period, locale);
    await this.record(actor, meta, 'summary', period, 'json');
    return summary;
  }

  async csv(name: string, period: { from: string; to: string }, locale: Locale, actor: Actor, meta: RequestMeta): Promise<string> {
    if (!(REPORT_NAMES as readonly string[]).includes(name)) {
      throw ProblemException.notFound(ReportsErrorCode.UnknownReport);
    }
    const summary = await this.build(period, locale);
    const table = summary.reports.find((r) => r.name === (name as ReportName))!;
    await this.record(actor, meta, name, period, 'csv');
    return reportCsv(table, locale);
  }

  async pdf(period: { from: string; to: string }, locale: Locale, actor: Actor, meta: RequestMeta): Promise<Buffer> {
    const summary = await this.build(period, locale);
    const pdf = await renderSummaryPdf(summary, { onChartWarning: (message) => this.logger.warn({ message }, 'report chart') });
    await this.record(actor, meta, 'summary', period, 'pdf');
    return pdf;
  }

  private async build(period: { from: string; to: string }, locale: Locale): Promise<ReportSummary> {
    const months = period.from <= period.to ? monthsBetween(period.from, period.to).length : 0;
    if (months === 0 || months > this.config.maxMonths) {
      throw ProblemException.unprocessable(ReportsErrorCode.InvalidPeriod, {
        detail: {
          es: `El período va de un mes a otro igual o posterior, con ${this.config.maxMonths} meses como máximo`,
          en: `The period runs from a month to the same or a later one, ${this.config.maxMonths} months at most`,
        },
        errors: [{ path: 'to', message: months === 0 ? 'to is before from' : `more than ${this.config.maxMonths} months` }],
      });
    }
    const [{ rows, refreshedAt }, names] = await Promise.all([
      this.repository.facts(`${period.from}-01`, `${period.to}-01`),
      this.repository.directory(),
    ]);
    const directory = { ...names, agencyName: (code: string) => this.agencies.ref(code)!.name };
    // Every report of the period is built even for one CSV: suppression is decided across all of them.
    return new ReportBuilder({ ...period, k: this.config.minCell, locale, rows, directory, refreshedAt, now: this.clock.now() }).build();
  }

  private record(actor: Actor, meta: RequestMeta, report: string, period: { from: string; to: string }, format: ReportFormat): Promise<void> {
    return this.audit.recordAlone({
      actor, meta, action: format === 'json' ? 'report.read' : 'report.export', subjectType: 'report', subjectId: report,
      details: { report, from: period.from, to: period.to, format },
    });
  }
}

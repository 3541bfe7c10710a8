import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageFrame } from '../../../components/page-frame';
import { ProblemAlert } from '../../../components/problem-alert';
import { ProblemError } from '../../../lib/api/problem';
import { usePdfDownload, useReportSummary } from '../api/reports.queries';
import type { CellLegend } from '../components/report-cell';
import { ReportContents } from '../components/report-contents';
import { ReportSection } from '../components/report-section';
import { PeriodForm } from '../components/period-form';
import { SummaryHeader } from '../components/summary-header';
import classes from '../components/reports.module.css';
import { periodOf, type Period } from '../lib/period';

/** The API's refusal of a period (400, 422) on the field it names; its detail is the text in the user's language. */
function periodErrors(error: unknown): { from?: string; to?: string } {
  if (!(error instanceof ProblemError) || (error.status !== 400 && error.status !== 422)) return {};
  const message = error.problem.detail ?? error.problem.title ?? error.message;
  const paths = (error.problem.errors ?? []).map((e) => e.path);
  if (paths.includes('from') && !paths.includes('to')) return { from: message };
  if (paths.includes('from')) return { from: message, to: message };
  return { to: message };
}

/**
 * Reports for auditors and the committee (PRODUCT.md sections 11 and 15): a period of whole months kept in
 * the URL, the summary's figures as tables and charts, CSV per report and the whole summary as PDF. The API
 * decides who may read them; anyone else sees its refusal explained.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation('reports');
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const [params, setParams] = useSearchParams();
  const period = periodOf(params);
  const summary = useReportSummary(period, lang);
  const pdf = usePdfDownload();
  const legendId = useId();
  const contentsId = 'reports-contents';

  // A link without a period gets the default written into it, so that a reload or a shared link keeps it.
  useEffect(() => {
    if (!params.get('from') || !params.get('to')) setParams({ from: period.from, to: period.to }, { replace: true });
  }, [params, period.from, period.to, setParams]);

  const forbidden = summary.error instanceof ProblemError && summary.error.status === 403;
  const fieldErrors = periodErrors(summary.error);
  const shownElsewhere = forbidden || Object.keys(fieldErrors).length > 0;
  const legend: CellLegend | undefined = useMemo(() => summary.data && ({
    small: summary.data.legend.primary, withheld: summary.data.legend.complementary, none: t('legend.none'),
  }), [summary.data, t]);
  const choose = (next: Period) => setParams({ from: next.from, to: next.to });

  if (forbidden) {
    return (
      <PageFrame title={t('title')}>
        <Alert color="gray" variant="outline" title={t('forbidden.title')} role="alert">
          {t('forbidden.text')}
        </Alert>
      </PageFrame>
    );
  }
  return (
    <PageFrame
      title={t('title')}
      actions={summary.data && (
        <Button variant="filled" className={classes.noPrint} loading={pdf.isPending} onClick={() => pdf.mutate({ from: summary.data.from, to: summary.data.to })}>
          {t('download.pdf')}
        </Button>
      )}
    >
      <PeriodForm value={period} errors={fieldErrors} onChange={choose} />
      {pdf.error && <ProblemAlert error={pdf.error} />}
      {!shownElsewhere && <ProblemAlert error={summary.error} />}
      {summary.isPending ? (
        <Center p="lg"><Loader aria-label={t('loading', { ns: 'common' })} /></Center>
      ) : summary.data && legend ? (
        <Stack gap="lg">
          <SummaryHeader summary={summary.data} lang={lang} legend={legend} legendId={legendId} />
          <ReportContents reports={summary.data.reports} id={contentsId} />
          <div>
            {summary.data.reports.map((table) => (
              <ReportSection key={table.name} table={table} period={{ from: summary.data.from, to: summary.data.to }} lang={lang}
                legend={legend} legendId={legendId} contentsId={contentsId} />
            ))}
          </div>
        </Stack>
      ) : null}
    </PageFrame>
  );
}

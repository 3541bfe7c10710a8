import { Anchor, Box, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { useCsvDownload } from '../api/reports.queries';
import type { ReportTable } from '../api/report.types';
import { chartHeight, hasChart } from '../lib/chart-option';
import type { Period } from '../lib/period';
import type { CellLegend } from './report-cell';
import { ReportDataTable } from './report-data-table';
import classes from './reports.module.css';

// ECharts is loaded with the first chart on screen, not with the reports screen's code.
const ReportChart = lazy(() => import('./report-chart'));

export const sectionId = (table: ReportTable) => `report-${table.name}`;

/** One report: its title, note, CSV download, table and (when it has one) chart. */
export function ReportSection({ table, period, lang, legend, legendId, contentsId }: {
  table: ReportTable; period: Period; lang: string; legend: CellLegend; legendId: string; contentsId: string;
}) {
  const { t } = useTranslation('reports');
  const csv = useCsvDownload();
  const id = sectionId(table);
  // No rows, or no columns (shelter occupancy before any shelter had a resident): nothing to tabulate or draw.
  const empty = table.labels.length === 0 || table.series.length === 0;
  const chart = hasChart(table);
  const suppressed = table.series.some((s) => [...s.data, s.total].some((c) => typeof c === 'string'));
  return (
    <Box component="section" id={id} aria-labelledby={`${id}-title`} className={classes.section} py="md"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} id={`${id}-title`} size="h4">{table.title}</Title>
          <Group gap="xs" className={classes.noPrint}>
            <Button variant="default" size="xs" loading={csv.isPending} aria-label={t('download.csvOf', { title: table.title })}
              onClick={() => csv.mutate({ name: table.name, period })}>
              {t('download.csv')}
            </Button>
            <Anchor href={`#${contentsId}`} size="sm">{t('contents.back')}</Anchor>
          </Group>
        </Group>
        {table.note && <Text size="sm">{table.note}</Text>}
        {csv.error && <ProblemAlert error={csv.error} />}
        {empty ? (
          <Text size="sm" fs="italic">{t('table.empty')}</Text>
        ) : (
          <div className={chart ? classes.withChart : classes.alone}>
            <ReportDataTable table={table} lang={lang} legend={legend} describedBy={suppressed ? legendId : undefined} />
            {chart && (
              <Suspense fallback={<Skeleton height={chartHeight(table)} aria-hidden />}>
                <ReportChart table={table} lang={lang} label={t('chart.label', { title: table.title, series: table.series[0].name })} />
              </Suspense>
            )}
          </div>
        )}
      </Stack>
    </Box>
  );
}

import { Alert, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/i18n/format';
import type { ReportSummary } from '../api/report.types';
import { monthCount, monthName } from '../lib/period';
import { ReportCell, type CellLegend } from './report-cell';

/**
 * What an auditor checks before reading a figure: which report, which period in words, how fresh the data
 * are (Ecuador time), the total, and how to read "<5" and "x" — the API's own legend, in the user's language.
 */
export function SummaryHeader({ summary, lang, legend, legendId }: { summary: ReportSummary; lang: string; legend: CellLegend; legendId: string }) {
  const { t } = useTranslation('reports');
  const count = monthCount(summary);
  const from = monthName(summary.from, lang);
  const to = monthName(summary.to, lang);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">{summary.title}</Title>
      <Group gap="xl" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Text fw={600} size="lg" data-testid="report-period">
            {count === 1 ? t('summary.periodOne', { month: from }) : t('summary.period', { from, to, months: count })}
          </Text>
          <Text size="sm">
            {summary.refreshedAt ? t('summary.refreshed', { date: formatDateTime(summary.refreshedAt) }) : t('summary.notRefreshed')}
          </Text>
        </Stack>
        <Stack gap={0} aria-label={t('summary.total')} role="group">
          <Text size="sm">{t('summary.total')}</Text>
          <Text fz={32} fw={700} lh={1.1} data-testid="report-total">
            <ReportCell cell={summary.totalCases} unit="cases" lang={lang} legend={legend} />
          </Text>
        </Stack>
      </Group>
      <Alert id={legendId} color="blue" variant="light" title={t('legend.title')}>
        <List size="sm" spacing={4}>
          <List.Item>{`"<${summary.k}": ${summary.legend.primary}`}</List.Item>
          <List.Item>{`"x": ${summary.legend.complementary}`}</List.Item>
          <List.Item>{t('legend.none')}</List.Item>
        </List>
      </Alert>
    </Stack>
  );
}

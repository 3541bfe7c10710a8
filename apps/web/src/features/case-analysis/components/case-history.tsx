import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/i18n/format';
import { useCaseTimeline } from '../api/review-api';
import { localized } from '../lib/localized';

/** The case's history, compact: when, what, and which agency acted (as far as the API shows it). */
export function CaseHistory({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation('caseAnalysis');
  const timeline = useCaseTimeline(caseId);
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="history-heading">
      <Title order={2} size="h4" id="history-heading" mb="xs">{t('history.heading')}</Title>
      {timeline.isLoading ? <Text size="sm">{t('loading', { ns: 'common' })}</Text>
        : items.length === 0 ? <Text size="sm">{t('history.empty')}</Text> : (
          <Table striped withRowBorders={false} verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{t(`timelineAction.${e.action}`, { defaultValue: t('timelineAction.other') })}</Table.Td>
                  <Table.Td>{e.actor.agency ? t('history.by', { agency: localized(e.actor.agency.name, i18n.language) }) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
    </Card>
  );
}

import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/i18n/format';
import type { CaseDetail } from '../api/case.types';
import { readable } from '../api/case-rules';

/** The one-year follow-up: its start and the check-ins this user may see, with new needs for the lead agency to act on. */
export function FollowUpTab({ followUp }: { followUp: CaseDetail['followUp'] }) {
  const { t } = useTranslation('case');
  if (!followUp) return <Text>{t('followUp.none')}</Text>;
  const checkins = followUp.checkins ?? [];
  // New needs reach only those who may read them (the lead agency, the check-in's agency): a column when any.
  const hasNeeds = checkins.some((c) => c.newNeeds);
  return (
    <Stack gap="sm">
      {followUp.startDate && <Text>{t('followUp.start', { date: formatDate(followUp.startDate) })}</Text>}
      {checkins.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label={t('tabs.followUp')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('followUp.dueDate')}</Table.Th>
                <Table.Th scope="col">{t('followUp.agency')}</Table.Th>
                <Table.Th scope="col">{t('followUp.status')}</Table.Th>
                <Table.Th scope="col">{t('followUp.outcome')}</Table.Th>
                {hasNeeds && <Table.Th scope="col">{t('followUp.newNeeds')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {checkins.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatDate(c.dueDate)}</Table.Td>
                  <Table.Td>{c.agency}</Table.Td>
                  <Table.Td>{readable(c.status)}</Table.Td>
                  <Table.Td>
                    {c.outcome ? t(`checkinOutcome.${c.outcome}`, { ns: 'enums' }) : '—'}
                    {c.recordedAt ? ` (${formatDateTime(c.recordedAt)})` : ''}
                  </Table.Td>
                  {hasNeeds && <Table.Td>{c.newNeeds ?? '—'}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

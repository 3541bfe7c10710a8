import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EnumBadge } from '../../../components/enum-badge';
import { formatDate } from '../../../lib/i18n/format';
import type { ReferralItem } from '../api/types';
import { CaseCell } from './referral-table';

/** The people placed in the shelter now: its accepted referrals that hold a placement, with the admission date. */
export function ResidentsTable({ rows, count }: { rows: ReferralItem[]; count: number }) {
  const { t } = useTranslation('referral');
  if (rows.length === 0) return <Text size="sm">{t('residents.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{t('residents.caption', { count })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('table.case')}</Table.Th>
            <Table.Th>{t('table.admitted')}</Table.Th>
            <Table.Th>{t('table.caseStatus')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td><CaseCell item={r} /></Table.Td>
              <Table.Td>{formatDate(r.admittedAt)}</Table.Td>
              <Table.Td><EnumBadge kind="caseStatus" value={r.caseStatus} color="blue" /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

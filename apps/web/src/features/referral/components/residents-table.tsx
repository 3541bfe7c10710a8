import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EnumBadge } from '../../../components/enum-badge';
import type { ReferralRow } from '../api/types';

/** The people placed in the shelter now: its accepted referrals that hold a placement. */
export function ResidentsTable({ rows }: { rows: ReferralRow[] }) {
  const { t } = useTranslation('referral');
  if (rows.length === 0) return <Text size="sm">{t('residents.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{t('residents.caption', { count: rows.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('table.case')}</Table.Th>
            <Table.Th>{t('table.person')}</Table.Th>
            <Table.Th>{t('table.caseStatus')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ referral: r, caseItem: c }) => (
            <Table.Tr key={r.id}>
              <Table.Td><Anchor component={Link} to={`/cases/${c.id}`}>{c.caseNumber}</Anchor></Table.Td>
              <Table.Td>
                <Group gap={6}>{[c.victim?.givenNames, c.victim?.familyNames].filter(Boolean).join(' ') || t('unknownValue', { ns: 'common' })}
                  {c.isMinor && <Badge color="indigo" variant="light">{t('table.minor')}</Badge>}</Group>
              </Table.Td>
              <Table.Td><EnumBadge kind="caseStatus" value={c.status} color="blue" /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

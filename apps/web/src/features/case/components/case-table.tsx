import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CaseBadge } from './case-badge';
import { formatDate } from '../../../lib/i18n/format';
import type { CaseDetail } from '../api/case.types';
import { MinorBadge } from './minor-badge';

/** The cases the API lets the user see, each linking to its page. */
export function CaseTable({ cases }: { cases: CaseDetail[] }) {
  const { t, i18n } = useTranslation('case');
  const lang = i18n.language === 'en' ? 'en' : 'es';
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover>
        <Table.Caption style={{ color: "inherit" }}>{t('list.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fields.caseNumber')}</Table.Th>
            <Table.Th scope="col">{t('fields.status')}</Table.Th>
            <Table.Th scope="col">{t('fields.traffickingStatus')}</Table.Th>
            <Table.Th scope="col">{t('fields.minor')}</Table.Th>
            <Table.Th scope="col">{t('fields.leadAgency')}</Table.Th>
            <Table.Th scope="col">{t('fields.identificationDate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td><Anchor component={Link} to={`/cases/${c.id}`} fw={600}>{c.caseNumber}</Anchor></Table.Td>
              <Table.Td><CaseBadge kind="caseStatus" value={c.status} color="blue.9" /></Table.Td>
              <Table.Td><CaseBadge kind="traffickingStatus" value={c.traffickingStatus} color="gray.8" /></Table.Td>
              <Table.Td>{c.isMinor ? <MinorBadge isMinor /> : t('no', { ns: 'common' })}</Table.Td>
              <Table.Td>{c.leadAgency ? c.leadAgency.name[lang] : t('noLeadAgency')}</Table.Td>
              <Table.Td>{c.identification?.date ? formatDate(c.identification.date) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

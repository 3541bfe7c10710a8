import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CaseBadge } from './case-badge';
import { ProblemAlert } from '../../../components/problem-alert';
import { formatDateTime } from '../../../lib/i18n/format';
import { useUser } from '../../../lib/session/use-session';
import { useCaseReviews } from '../api/case.queries';
import type { CaseReview } from '../api/case.types';

/** The case's reviews: the committee reads its own list; others see what the case's `reviews` key holds. */
export function ReviewsTab({ caseId, fromCase }: { caseId: string; fromCase: CaseReview[] }) {
  const { t, i18n } = useTranslation('case');
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const committee = useUser().roles.includes('committee_member');
  const query = useCaseReviews(caseId, { enabled: committee });
  const reviews = committee ? query.data?.items ?? fromCase : fromCase;
  if (query.error) return <ProblemAlert error={query.error} />;
  if (reviews.length === 0) return <Text>{t('reviews.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table aria-label={t('tabs.reviews')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reviews.status')}</Table.Th>
            <Table.Th scope="col">{t('reviews.decision')}</Table.Th>
            <Table.Th scope="col">{t('fields.leadAgency')}</Table.Th>
            <Table.Th scope="col">{t('reviews.decidedAt')}</Table.Th>
            <Table.Th scope="col">{t('reviews.rationale')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reviews.map((r, i) => (
            <Table.Tr key={r.id ?? i}>
              <Table.Td>{r.status ? <CaseBadge kind="reviewStatus" value={r.status} color="gray.8" /> : '—'}</Table.Td>
              <Table.Td>{r.decision ? t(`decision.${r.decision}`, { ns: 'enums' }) : '—'}</Table.Td>
              <Table.Td>{r.leadAgency?.name[lang] ?? '—'}</Table.Td>
              <Table.Td>{r.decidedAt ? formatDateTime(r.decidedAt) : '—'}</Table.Td>
              <Table.Td>{r.rationale ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

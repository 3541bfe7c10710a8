import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CaseBadge } from './case-badge';
import { ProblemAlert } from '../../../components/problem-alert';
import { useCaseReferrals, useServiceNames, useShelterNames } from '../api/case.queries';
import { readable } from '../api/case-rules';

/** The referrals the API lets this user see (GET /cases/:id/referrals). */
export function ReferralsTab({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation('case');
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const query = useCaseReferrals(caseId);
  const services = useServiceNames();
  const referrals = query.data?.items ?? [];
  const shelters = useShelterNames(referrals.some((r) => r.shelterId));
  if (query.error) return <ProblemAlert error={query.error} />;
  if (query.isPending) return <Text>{t('loading', { ns: 'common' })}</Text>;
  if (referrals.length === 0) return <Text>{t('referrals.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table aria-label={t('tabs.referrals')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('referrals.service')}</Table.Th>
            <Table.Th scope="col">{t('referrals.provider')}</Table.Th>
            <Table.Th scope="col">{t('referrals.status')}</Table.Th>
            <Table.Th scope="col">{t('referrals.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {referrals.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{services.data?.get(r.serviceType)?.[lang] ?? readable(r.serviceType)}</Table.Td>
              <Table.Td>{(r.shelterId && shelters.data?.get(r.shelterId)) || r.agency?.name[lang] || '—'}</Table.Td>
              <Table.Td>
                <CaseBadge kind="referralStatus" value={r.status} color="gray.8" />
                {/* Cancelled by the case's closure (PRODUCT.md section 4), not by a person. */}
                {r.cancelReason && <Text size="xs" mt={2}>{t(`referralCancelReason.${r.cancelReason}`, { ns: 'enums' })}</Text>}
              </Table.Td>
              <Table.Td>{r.reason ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

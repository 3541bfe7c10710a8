import { Card, Loader, SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../../components/page-frame';
import { ProblemAlert } from '../../../components/problem-alert';
import { useUser } from '../../../lib/session/use-session';
import { useVisibleReferrals } from '../api/referral-api';
import { ReferralTable } from '../components/referral-table';

const ORDER: Record<string, number> = { pending: 0, accepted: 1, completed: 2, declined: 3, cancelled: 4 };
type Filter = 'open' | 'all';

/** A focal point's referrals: those addressed to their agency, to accept, decline or complete. */
export function ReferralsPage() {
  const { t } = useTranslation('referral');
  const user = useUser();
  const referrals = useVisibleReferrals();
  const [filter, setFilter] = useState<Filter>('open');
  const mine = (referrals.data ?? [])
    .filter((r) => r.referral.shelterId === null && r.referral.agency.code === user.agency.code)
    .filter((r) => filter === 'all' || r.referral.status === 'pending' || r.referral.status === 'accepted')
    .sort((a, b) => (ORDER[a.referral.status] ?? 9) - (ORDER[b.referral.status] ?? 9) || b.caseItem.caseNumber.localeCompare(a.caseItem.caseNumber));
  return (
    <PageFrame title={t('list.title')} actions={
      <SegmentedControl aria-label={t('list.filter')} value={filter} onChange={(v) => setFilter(v as Filter)}
        data={[{ value: 'open', label: t('list.open') }, { value: 'all', label: t('list.all') }]} />
    }>
      <ProblemAlert error={referrals.error} />
      {referrals.isLoading && <Loader aria-label={t('loading', { ns: 'common' })} />}
      {referrals.data && (
        <Stack gap="md">
          <Card withBorder padding="md">
            <ReferralTable rows={mine} caption={t('list.caption', { agency: user.agency.code })} empty={t('list.empty')} />
          </Card>
        </Stack>
      )}
    </PageFrame>
  );
}

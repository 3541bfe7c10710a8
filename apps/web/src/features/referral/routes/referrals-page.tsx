import { Card, Loader, SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../../components/page-frame';
import { ProblemAlert } from '../../../components/problem-alert';
import { useUser } from '../../../lib/session/use-session';
import { loadedItems, useAddressedReferrals } from '../api/referral-api';
import type { ReferralStatus } from '../api/types';
import { LoadMore } from '../components/load-more';
import { ReferralTable } from '../components/referral-table';

type Filter = 'open' | 'all';
const OPEN: ReferralStatus[] = ['pending', 'accepted'];

/**
 * A focal point's referrals: those GET /referrals addresses to their agency (pending first, then newest),
 * to accept, decline or complete, a page at a time.
 */
export function ReferralsPage() {
  const { t } = useTranslation('referral');
  const user = useUser();
  const [filter, setFilter] = useState<Filter>('open');
  const referrals = useAddressedReferrals(filter === 'open' ? OPEN : undefined);
  return (
    <PageFrame title={t('list.title')} actions={
      <SegmentedControl aria-label={t('list.filter')} value={filter} onChange={(v) => setFilter(v as Filter)}
        data={[{ value: 'open', label: t('list.open') }, { value: 'all', label: t('list.all') }]} />
    }>
      <ProblemAlert error={referrals.error} />
      {referrals.isLoading && <Loader aria-label={t('loading', { ns: 'common' })} />}
      {referrals.data && (
        <Card withBorder padding="md">
          <ReferralTable rows={loadedItems(referrals.data)} caption={t('list.caption', { agency: user.agency.code })} empty={t('list.empty')} />
          <LoadMore hasMore={referrals.hasNextPage} loading={referrals.isFetchingNextPage} onLoad={() => void referrals.fetchNextPage()} />
        </Card>
      )}
    </PageFrame>
  );
}

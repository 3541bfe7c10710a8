import { Alert, Card, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../../components/page-frame';
import { ProblemAlert } from '../../../components/problem-alert';
import { useUser } from '../../../lib/session/use-session';
import { loadedItems, useAddressedReferrals, useShelters } from '../api/referral-api';
import { LoadMore } from '../components/load-more';
import { OccupancyCard } from '../components/occupancy-card';
import { ReferralTable } from '../components/referral-table';
import { ResidentsTable } from '../components/residents-table';

/**
 * The shelter board (PRODUCT.md section 15): occupancy, pending referrals to accept or decline, residents.
 * The referrals are those GET /referrals addresses to the user's shelter, a page at a time.
 */
export function ShelterBoardPage() {
  const { t } = useTranslation('referral');
  const user = useUser();
  const shelters = useShelters();
  const pendingQuery = useAddressedReferrals(['pending']);
  const acceptedQuery = useAddressedReferrals(['accepted']);
  const shelter = shelters.data?.items.find((s) => s.id === user.shelterId);
  const pending = loadedItems(pendingQuery.data);
  const residents = loadedItems(acceptedQuery.data).filter((r) => r.placementId !== null);
  return (
    <PageFrame title={shelter ? t('board.title', { name: shelter.name }) : t('board.titleLoading')}>
      <ProblemAlert error={shelters.error ?? pendingQuery.error ?? acceptedQuery.error} />
      {!user.shelterId && <Alert color="yellow" title={t('board.noShelter')}>{t('board.noShelterText')}</Alert>}
      {(shelters.isLoading || pendingQuery.isLoading || acceptedQuery.isLoading) && <Loader aria-label={t('loading', { ns: 'common' })} />}
      {shelter && <OccupancyCard shelter={shelter} />}
      <Stack gap="md">
        {pendingQuery.data && (
          <Card withBorder padding="md" component="section" aria-labelledby="pending-heading">
            <Title order={2} size="h4" id="pending-heading" mb="xs">
              {t('board.pending', { count: shelter?.pendingReferrals ?? pending.length })}
            </Title>
            <ReferralTable rows={pending} caption={t('board.pendingCaption')} empty={t('board.noPending')} />
            <LoadMore hasMore={pendingQuery.hasNextPage} loading={pendingQuery.isFetchingNextPage} onLoad={() => void pendingQuery.fetchNextPage()} />
          </Card>
        )}
        {acceptedQuery.data && (
          <Card withBorder padding="md" component="section" aria-labelledby="residents-heading">
            <Title order={2} size="h4" id="residents-heading" mb="xs">{t('residents.heading')}</Title>
            <ResidentsTable rows={residents} count={shelter?.occupied ?? residents.length} />
            <LoadMore hasMore={acceptedQuery.hasNextPage} loading={acceptedQuery.isFetchingNextPage} onLoad={() => void acceptedQuery.fetchNextPage()} />
          </Card>
        )}
      </Stack>
    </PageFrame>
  );
}

import { Alert, Card, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../../components/page-frame';
import { ProblemAlert } from '../../../components/problem-alert';
import { useUser } from '../../../lib/session/use-session';
import { useShelterList, useVisibleReferrals } from '../api/referral-api';
import { OccupancyCard } from '../components/occupancy-card';
import { ReferralTable } from '../components/referral-table';
import { ResidentsTable } from '../components/residents-table';

/** The shelter board (PRODUCT.md section 15): occupancy, pending referrals to accept or decline, residents. */
export function ShelterBoardPage() {
  const { t } = useTranslation('referral');
  const user = useUser();
  const shelters = useShelterList();
  const referrals = useVisibleReferrals();
  const shelter = shelters.data?.items.find((s) => s.id === user.shelterId);
  const own = (referrals.data ?? []).filter((r) => r.referral.shelterId !== null && r.referral.shelterId === user.shelterId);
  const pending = own.filter((r) => r.referral.status === 'pending');
  const residents = own.filter((r) => r.referral.status === 'accepted' && r.referral.placementId !== null);
  return (
    <PageFrame title={shelter ? t('board.title', { name: shelter.name }) : t('board.titleLoading')}>
      <ProblemAlert error={shelters.error ?? referrals.error} />
      {!user.shelterId && <Alert color="yellow" title={t('board.noShelter')}>{t('board.noShelterText')}</Alert>}
      {(shelters.isLoading || referrals.isLoading) && <Loader aria-label={t('loading', { ns: 'common' })} />}
      {shelter && <OccupancyCard shelter={shelter} />}
      {referrals.data && (
        <Stack gap="md">
          <Card withBorder padding="md" component="section" aria-labelledby="pending-heading">
            <Title order={2} size="h4" id="pending-heading" mb="xs">{t('board.pending', { count: pending.length })}</Title>
            <ReferralTable rows={pending} caption={t('board.pendingCaption')} empty={t('board.noPending')} />
          </Card>
          <Card withBorder padding="md" component="section" aria-labelledby="residents-heading">
            <Title order={2} size="h4" id="residents-heading" mb="xs">{t('residents.heading')}</Title>
            <ResidentsTable rows={residents} />
          </Card>
        </Stack>
      )}
    </PageFrame>
  );
}

import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useShelterNames } from '../api/case.queries';
import type { CaseReferral } from '../api/case.types';

/** Where the person is or was placed: the shelter referrals that admitted them (read-only here). */
export function PlacementTab({ referrals }: { referrals: CaseReferral[] }) {
  const { t } = useTranslation('case');
  const placed = referrals.filter((r) => r.placementId);
  const shelters = useShelterNames(placed.length > 0);
  if (placed.length === 0) return <Text>{t('placement.none')}</Text>;
  return (
    <List aria-label={t('tabs.placement')}>
      {placed.map((r) => (
        <List.Item key={r.id}>
          {t('placement.item', {
            shelter: (r.shelterId && shelters.data?.get(r.shelterId)) || t('placement.shelter'),
            status: t(`referralStatus.${r.status}`, { ns: 'enums' }),
          })}
        </List.Item>
      ))}
    </List>
  );
}

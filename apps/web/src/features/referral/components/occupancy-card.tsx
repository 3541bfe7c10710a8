import { Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Shelter } from '../api/types';

/** The shelter's occupancy: capacity, occupied, free (a bar), and referrals waiting for an answer. */
export function OccupancyCard({ shelter }: { shelter: Shelter }) {
  const { t } = useTranslation('referral');
  const share = shelter.capacity > 0 ? (shelter.occupied / shelter.capacity) * 100 : 0;
  const figures = [
    { key: 'capacity', label: t('occupancy.capacity'), value: shelter.capacity },
    { key: 'occupied', label: t('occupancy.occupied'), value: shelter.occupied },
    { key: 'free', label: t('occupancy.free'), value: shelter.free },
    { key: 'pending', label: t('occupancy.pending'), value: shelter.pendingReferrals },
  ];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="occupancy-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="occupancy-heading">{t('occupancy.heading')}</Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {figures.map((f) => (
            <div key={f.key}>
              <Text size="sm">{f.label}</Text>
              <Text fz={28} fw={700} data-testid={`occupancy-${f.key}`}>{f.value}</Text>
            </div>
          ))}
        </SimpleGrid>
        <Progress value={share} color={shelter.free === 0 ? 'red' : 'teal'} size="lg"
          aria-label={t('occupancy.bar', { occupied: shelter.occupied, capacity: shelter.capacity })} />
        <Group><Text size="sm">{t('occupancy.summary', { occupied: shelter.occupied, capacity: shelter.capacity, free: shelter.free })}</Text></Group>
      </Stack>
    </Card>
  );
}

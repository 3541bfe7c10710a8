import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/i18n/format';
import { useIndicatorLabels } from '../api/case.queries';
import type { CaseScreening } from '../api/case.types';

/** The latest screening with its explanation: outcome, the child rule, and each dimension's reason. */
export function ScreeningExplanation({ screening }: { screening: CaseScreening | null }) {
  const { t, i18n } = useTranslation('case');
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const labels = useIndicatorLabels(!!screening?.dimensions?.some((d) => d.counted && d.counted.length > 0));
  if (!screening) return <Text>{t('screening.none')}</Text>;
  return (
    <Stack gap="md">
      <Group gap="md" wrap="wrap">
        <Text fw={600}>{t('screening.outcome')}:</Text>
        <Badge color="blue.9" variant="filled">{t(`screeningOutcome.${screening.outcome}`, { ns: 'enums' })}</Badge>
        {screening.childRule && <Badge color="grape.9" variant="filled">{t('screening.childRule')}</Badge>}
        {screening.childProtectionImmediate && <Badge color="red.9" variant="filled">{t('screening.childProtectionImmediate')}</Badge>}
      </Group>
      {screening.performedAt && <Text size="sm">{t('screening.performedAt', { when: formatDateTime(screening.performedAt), version: screening.catalogVersion ?? '' })}</Text>}
      {screening.dimensions && screening.dimensions.length > 0 && (
        <Stack gap="xs" component="section" aria-label={t('screening.dimensions')}>
          <Title order={2} size="h4">{t('screening.dimensions')}</Title>
          {screening.dimensions.map((d) => (
            <Paper key={d.dimension} withBorder p="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>{t(`dimension.${d.dimension}`, { ns: 'enums' })}</Text>
                <Badge color={d.positive ? 'red.9' : 'gray.8'} variant={d.positive ? 'filled' : 'outline'}>
                  {t(d.positive ? 'screening.positive' : 'screening.notPositive')}
                </Badge>
              </Group>
              {d.reason && <Text size="sm" mt={4}>{d.reason}</Text>}
              {d.counted && d.counted.length > 0 && (
                <List size="sm" mt={4}>
                  {d.counted.map((c) => (
                    <List.Item key={c.indicator}>
                      {labels.data?.get(c.indicator)?.[lang] ?? c.indicator} — {t(`strength.${c.strength}`, { ns: 'enums' })}
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

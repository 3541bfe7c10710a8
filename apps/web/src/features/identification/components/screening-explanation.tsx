import { Loading } from '../../../components/loading';
import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import type { ScreeningResult } from '../api/screening-dry-run';
import type { IndicatorCatalog } from '../api/reference-data';

const OUTCOME_COLOR: Record<string, string> = { presumed_victim: 'red.9', possible_victim: 'orange.9', no_indicators: 'gray.7' };

/**
 * The live result of the screening engine and why (PRODUCT.md section 5): the outcome, the child rule
 * and immediate child protection, and each dimension with the indicators that counted and its reason.
 */
export function ScreeningExplanation({ result, loading, error, catalog }: {
  result: ScreeningResult | undefined;
  loading: boolean;
  error: unknown;
  catalog: IndicatorCatalog;
}) {
  const { t, i18n } = useTranslation('identification');
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const labelOf = (code: string) => catalog.indicators.find((i) => i.code === code)?.label[lang] ?? code;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="screening-result-title" style={{ borderLeft: `6px solid var(--mantine-color-${(OUTCOME_COLOR[result?.outcome ?? ''] ?? 'gray.7').replace('.', '-')})` }}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="screening-result-title">{t('result.title')}</Title>
          {loading && <Loading size="xs" label={t('result.updating')} />}
        </Group>
        <div aria-live="polite" aria-atomic="true">
          {result ? (
            <Stack gap={4}>
              <Text size="sm">{t('result.outcome')}</Text>
              <Text size="xl" fw={700} data-testid="screening-outcome">{t(`screeningOutcome.${result.outcome}`, { ns: 'enums' })}</Text>
            </Stack>
          ) : (
            !error && <Text size="sm">{t('result.waiting')}</Text>
          )}
        </div>
        {error ? <ProblemAlert error={error} /> : null}
        {result && (
          <>
            {(result.childRule || result.childProtectionImmediate) && (
              <Group gap="xs">
                {result.childRule && <Badge color="grape.9" variant="filled">{t('result.childRule')}</Badge>}
                {result.childProtectionImmediate && <Badge color="red.9" variant="filled">{t('result.childProtectionImmediate')}</Badge>}
              </Group>
            )}
            {result.childProtectionImmediate && <Text size="sm">{t('result.childProtectionText')}</Text>}
            <Title order={3} size="h5">{t('result.explanation')}</Title>
            <List spacing="xs" listStyleType="none" p={0}>
              {result.dimensions.map((d) => (
                <List.Item key={d.dimension}>
                  <Text size="sm" fw={600}>
                    {t(`dimension.${d.dimension}`, { ns: 'enums' })}:{' '}
                    <Text span inherit c={d.positive ? 'red.9' : undefined}>{d.positive ? t('result.positive') : t('result.notPositive')}</Text>
                  </Text>
                  <Text size="sm">{typeof d.reason === 'string' ? d.reason : d.reason?.[lang]}</Text>
                  {d.counted.length > 0 && (
                    <List size="sm" withPadding>
                      {d.counted.map((c) => (
                        <List.Item key={c.indicator}>
                          {labelOf(c.indicator)} ({t(`strength.${c.strength}`, { ns: 'enums' })})
                        </List.Item>
                      ))}
                    </List>
                  )}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  );
}

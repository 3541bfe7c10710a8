import { Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { IndicatorCatalog } from '../api/reference-data';
import type { AnswerValue, IntakeValues } from './intake-values';

const ANSWERS = ['yes', 'no', 'unknown'] as const satisfies readonly AnswerValue[];

/**
 * The catalog's indicators grouped by dimension, each answered yes / no / unknown (unknown by default:
 * unknown is not no). Native radio groups: Tab moves between indicators, the arrow keys choose.
 */
export function IndicatorChecklist({ form, catalog, minor }: { form: UseFormReturnType<IntakeValues>; catalog: IndicatorCatalog; minor: boolean }) {
  const { t, i18n } = useTranslation('identification');
  const lang = i18n.language === 'en' ? 'en' : 'es';
  return (
    <Stack gap="md">
      {catalog.dimensions.map((dimension) => (
        <Paper key={dimension} withBorder p="md" component="section" aria-labelledby={`dimension-${dimension}`}>
          <Title order={3} size="h4" id={`dimension-${dimension}`} mb="xs">
            {t(`dimension.${dimension}`, { ns: 'enums' })}
          </Title>
          <Stack gap="sm">
            {catalog.indicators.filter((i) => i.dimension === dimension).map((indicator) => (
              <Radio.Group
                key={indicator.code}
                label={indicator.label[lang]}
                description={t('indicators.strength', { strength: t(`strength.${minor ? indicator.strength.child : indicator.strength.adult}`, { ns: 'enums' }) })}
                value={form.values.answers[indicator.code] ?? 'unknown'}
                onChange={(value) => form.setFieldValue(`answers.${indicator.code}`, ANSWERS.find((a) => a === value) ?? 'unknown')}
              >
                <Group gap="lg" mt={4}>
                  {ANSWERS.map((a) => (
                    <Radio key={a} value={a} label={t(`answer.${a}`, { ns: 'enums' })} />
                  ))}
                </Group>
              </Radio.Group>
            ))}
          </Stack>
        </Paper>
      ))}
      <Text size="sm">{t('indicators.unknownHint')}</Text>
    </Stack>
  );
}

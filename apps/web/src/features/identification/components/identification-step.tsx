import { Checkbox, Group, NativeSelect, SimpleGrid, Stack, Switch, Textarea, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CameToAttention, ExploitationForm } from '../api/intake.types';
import type { BorderPoint, Province } from '../api/reference-data';
import { everyValueOf } from '../../../lib/api/enum-options';
import type { IntakeValues } from './intake-values';

// The contract's values, in the order the officer sees them (the type check refuses a value left out).
const CAME_TO_ATTENTION = everyValueOf<CameToAttention>()(['border_control', 'operation', 'complaint', 'self_referral', 'abroad_consulate', 'other']);
const EXPLOITATION_FORMS = everyValueOf<ExploitationForm>()(['sexual_exploitation', 'labour_exploitation', 'begging', 'servile_marriage', 'illegal_adoption', 'forced_recruitment', 'organ_removal', 'other']);

/** When, where and how the person came to attention, and the forms of exploitation seen. */
export function IdentificationStep({ form, provinces, borderPoints }: {
  form: UseFormReturnType<IntakeValues>;
  provinces: Province[];
  borderPoints: BorderPoint[];
}) {
  const { t, i18n } = useTranslation('identification');
  const lang = i18n.language;
  return (
    <Stack gap="md">
      <Title order={2} size="h3">{t('steps.identification')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" withAsterisk label={t('identification.date')} {...form.getInputProps('identification.date')} />
        <NativeSelect
          withAsterisk
          label={t('identification.cameToAttention')}
          data={CAME_TO_ATTENTION.map((c) => ({ value: c, label: t(`cameToAttention.${c}`, { ns: 'enums' }) }))}
          {...form.getInputProps('identification.cameToAttention')}
        />
        <NativeSelect
          withAsterisk
          label={t('identification.province')}
          data={[{ value: '', label: t('choose') }, ...provinces.map((p) => ({ value: p.code, label: p.name }))]}
          {...form.getInputProps('identification.province')}
        />
        <TextInput label={t('identification.canton')} {...form.getInputProps('identification.canton')} />
        <NativeSelect
          label={t('identification.borderPoint')}
          data={[
            { value: '', label: t('identification.noBorderPoint') },
            ...borderPoints.filter((b) => b.active !== false).map((b) => ({ value: b.code, label: lang === 'en' ? b.name.en : b.name.es })),
          ]}
          {...form.getInputProps('identification.borderPoint')}
        />
        <TextInput label={t('identification.place')} {...form.getInputProps('identification.place')} />
      </SimpleGrid>
      <Textarea withAsterisk autosize minRows={3} label={t('identification.circumstances')} {...form.getInputProps('identification.circumstances')} />
      <Checkbox.Group label={t('identification.exploitationForms')} {...form.getInputProps('identification.exploitationForms')}>
        <Group mt="xs" gap="md">
          {EXPLOITATION_FORMS.map((f) => (
            <Checkbox key={f} value={f} label={t(`exploitationForm.${f}`, { ns: 'enums' })} />
          ))}
        </Group>
      </Checkbox.Group>
      <Switch label={t('identification.locatedAbroad')} {...form.getInputProps('identification.locatedAbroad', { type: 'checkbox' })} />
    </Stack>
  );
}

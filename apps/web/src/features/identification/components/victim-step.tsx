import { ActionIcon, Button, Group, MultiSelect, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { itemsOf, useCountries } from '../../../lib/api/shared-queries';
import { everyValueOf } from '../../../lib/api/enum-options';
import type { DocumentType, Sex } from '../api/intake.types';
import { countryOptions, languageOptions } from './country-language-codes';
import type { IntakeValues } from './intake-values';
import { MinorBadge } from './minor-badge';

// The contract's values, in the order the officer sees them (the type check refuses a value left out).
const SEXES = everyValueOf<Sex>()(['female', 'male', 'intersex', 'unknown']);
const DOCUMENT_TYPES = everyValueOf<DocumentType>()(['passport', 'national_id', 'other']);

/** Who the person is: names, sex, age, nationality, documents, languages, contact. */
export function VictimStep({ form, minor }: { form: UseFormReturnType<IntakeValues>; minor: boolean | null }) {
  const { t, i18n } = useTranslation('identification');
  const countryTable = useCountries({ select: itemsOf });
  const countries = useMemo(() => countryOptions(countryTable.data ?? [], i18n.language), [countryTable.data, i18n.language]);
  // A document is issued by a country, never by one of ICAO's nationality codes (stateless, refugee, unspecified).
  const issuers = useMemo(() => countryOptions((countryTable.data ?? []).filter((c) => c.issuesDocuments), i18n.language), [countryTable.data, i18n.language]);
  const issuer = (codes: string[]) => codes.find((code) => issuers.some((c) => c.value === code)) ?? '';
  const languages = useMemo(() => languageOptions(i18n.language), [i18n.language]);
  const v = form.values.victim;
  const docsError = form.errors['victim.documents'];

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Title order={2} size="h3">{t('steps.victim')}</Title>
        <MinorBadge minor={minor} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput withAsterisk label={t('victim.givenNames')} {...form.getInputProps('victim.givenNames')} />
        <TextInput withAsterisk label={t('victim.familyNames')} {...form.getInputProps('victim.familyNames')} />
        <NativeSelect
          withAsterisk
          label={t('victim.sex')}
          data={[{ value: '', label: t('choose') }, ...SEXES.map((s) => ({ value: s, label: t(`sex.${s}`, { ns: 'enums' }) }))]}
          {...form.getInputProps('victim.sex')}
        />
        <TextInput label={t('victim.genderIdentity')} {...form.getInputProps('victim.genderIdentity')} />
      </SimpleGrid>
      <Radio.Group label={t('victim.ageKind')} {...form.getInputProps('victim.ageKind')}>
        <Group mt={4}>
          <Radio value="dateOfBirth" label={t('victim.ageKinds.dateOfBirth')} />
          <Radio value="estimatedAge" label={t('victim.ageKinds.estimatedAge')} />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {v.ageKind === 'dateOfBirth' ? (
          <TextInput type="date" label={t('victim.dateOfBirth')} {...form.getInputProps('victim.dateOfBirth')} />
        ) : (
          <NumberInput label={t('victim.estimatedAge')} min={0} max={120} allowDecimal={false} allowNegative={false} {...form.getInputProps('victim.estimatedAge')} />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          withAsterisk
          searchable
          label={t('victim.nationality')}
          data={countries}
          nothingFoundMessage={t('nothingFound')}
          {...form.getInputProps('victim.nationality')}
        />
        <MultiSelect searchable label={t('victim.languages')} data={languages} nothingFoundMessage={t('nothingFound')} {...form.getInputProps('victim.languages')} />
      </SimpleGrid>

      <Stack gap="xs">
        <Title order={3} size="h5">{t('victim.documents')}</Title>
        {v.documents.length === 0 && <Text size="sm">{t('victim.noDocuments')}</Text>}
        {v.documents.map((_, index) => (
          <Group key={index} align="flex-end" wrap="wrap" gap="sm">
            <NativeSelect
              label={t('victim.documentType', { n: index + 1 })}
              data={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`documentType.${d}`, { ns: 'enums' }) }))}
              {...form.getInputProps(`victim.documents.${index}.type`)}
            />
            <TextInput label={t('victim.documentNumber', { n: index + 1 })} {...form.getInputProps(`victim.documents.${index}.number`)} />
            <NativeSelect
              label={t('victim.documentCountry', { n: index + 1 })}
              data={[{ value: '', label: t('choose') }, ...issuers]}
              {...form.getInputProps(`victim.documents.${index}.issuingCountry`)}
            />
            <ActionIcon
              variant="light"
              color="red.9"
              size="lg"
              aria-label={t('victim.removeDocument', { n: index + 1 })}
              onClick={() => form.removeListItem('victim.documents', index)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {docsError && <Text size="sm" c="red.9" role="alert">{docsError}</Text>}
        <Group>
          <Button
            variant="light"
            onClick={() => form.insertListItem('victim.documents', { type: 'passport', number: '', issuingCountry: issuer(v.nationality) })}
          >
            {t('victim.addDocument')}
          </Button>
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('victim.phone')} {...form.getInputProps('victim.contact.phone')} />
        <TextInput label={t('victim.address')} {...form.getInputProps('victim.contact.address')} />
      </SimpleGrid>
    </Stack>
  );
}

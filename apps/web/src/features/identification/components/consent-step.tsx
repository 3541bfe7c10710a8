import { Alert, Checkbox, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../api/reference-data';
import type { IntakeValues } from './intake-values';
import { MinorBadge } from './minor-badge';

/** Consent to data processing, to referrals and to sharing with named agencies; a minor's own view. */
export function ConsentStep({ form, agencies, minor }: { form: UseFormReturnType<IntakeValues>; agencies: Agency[]; minor: boolean | null }) {
  const { t, i18n } = useTranslation('identification');
  return (
    <Stack gap="md">
      <Title order={2} size="h3">{t('steps.consent')}</Title>
      {minor && (
        <Alert color="grape" variant="light" title={<MinorBadge minor={minor} />}>
          {t('consent.minorMandate')}
        </Alert>
      )}
      <Checkbox label={t('consent.dataProcessing')} {...form.getInputProps('consent.dataProcessing', { type: 'checkbox' })} />
      <Checkbox label={t('consent.referral')} {...form.getInputProps('consent.referral', { type: 'checkbox' })} />
      <Checkbox.Group label={t('consent.shareWith')} description={t('consent.shareWithHint')} {...form.getInputProps('consent.shareWith')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
          {agencies.map((a) => (
            <Checkbox key={a.code} value={a.code} label={`${i18n.language === 'en' ? a.name.en : a.name.es} (${a.code})`} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      {minor && (
        <>
          <Textarea autosize minRows={2} label={t('consent.childView')} {...form.getInputProps('consent.childView')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('consent.guardianName')} {...form.getInputProps('consent.guardian.name')} />
            <TextInput label={t('consent.guardianRelationship')} {...form.getInputProps('consent.guardian.relationship')} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

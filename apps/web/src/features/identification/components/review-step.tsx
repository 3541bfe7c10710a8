import { Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/i18n/format';
import type { IntakeValues } from './intake-values';
import { MinorBadge } from './minor-badge';

/** What will be sent, in a few lines, before the duplicate check and the send button. */
export function ReviewSummary({ values, minor, provinceName, borderPointName }: {
  values: IntakeValues;
  minor: boolean | null;
  provinceName: string;
  borderPointName: string;
}) {
  const { t } = useTranslation('identification');
  const v = values.victim;
  const i = values.identification;
  const yes = Object.values(values.answers).filter((a) => a === 'yes').length;
  const rows: [string, React.ReactNode][] = [
    [t('review.name'), `${v.givenNames} ${v.familyNames}`.trim() || '—'],
    [t('victim.sex'), v.sex ? t(`sex.${v.sex}`, { ns: 'enums' }) : '—'],
    [t('review.age'), (
      <>
        {v.ageKind === 'dateOfBirth' ? formatDate(v.dateOfBirth) : v.estimatedAge === '' ? '—' : t('review.years', { count: Number(v.estimatedAge) })}{' '}
        <MinorBadge minor={minor} />
      </>
    )],
    [t('identification.date'), formatDate(i.date)],
    [t('identification.province'), provinceName || '—'],
    [t('identification.borderPoint'), borderPointName || '—'],
    [t('identification.exploitationForms'), i.exploitationForms.map((f) => t(`exploitationForm.${f}`, { ns: 'enums' })).join(', ') || '—'],
    [t('review.consent'), [values.consent.dataProcessing && t('review.consentData'), values.consent.referral && t('review.consentReferral')].filter(Boolean).join(', ') || t('review.noConsent')],
    [t('review.indicatorsYes'), String(yes)],
  ];
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">{t('steps.review')}</Title>
      <Table variant="vertical" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="40%">{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

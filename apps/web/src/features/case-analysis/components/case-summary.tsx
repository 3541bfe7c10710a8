import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EnumBadge } from '../../../components/enum-badge';
import { formatDate } from '../../../lib/i18n/format';
import type { CaseRecord } from '../api/types';
import { localized } from '../lib/localized';

/**
 * The case's header: number, statuses, minor flag, lead agency, and the facts a plan is checked against, as
 * recorded (a date of birth, or an age estimated on the identification date); the API checks them.
 */
export function CaseSummary({ record }: { record: CaseRecord }) {
  const { t, i18n } = useTranslation('caseAnalysis');
  const v = record.victim;
  const forms = record.identification?.exploitationForms ?? [];
  const name = [record.victim?.givenNames, record.victim?.familyNames].filter(Boolean).join(' ');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="case-summary-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="case-summary-heading">{t('header.heading')} {record.caseNumber}</Title>
        <Anchor component={Link} to={`/cases/${record.id}`}>{t('header.openCase')}</Anchor>
      </Group>
      <Group gap="xs" mb="sm">
        <EnumBadge kind="caseStatus" value={record.status} color="blue" />
        <EnumBadge kind="traffickingStatus" value={record.traffickingStatus} color="grape" />
        {record.isMinor && <Badge color="indigo" variant="light">{t('header.minor')}</Badge>}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Text size="sm"><Text span fw={600}>{t('header.victim')}: </Text>{name || t('unknownValue', { ns: 'common' })}
          {record.victim?.sex ? ` · ${t(`sex.${record.victim.sex}`, { ns: 'enums' })}` : ''}
          {v?.dateOfBirth ? ` · ${t('header.born', { date: formatDate(v.dateOfBirth) })}` : ''}
          {!v?.dateOfBirth && typeof v?.estimatedAge === 'number' && record.identification
            ? ` · ${t('header.estimatedAge', { count: v.estimatedAge, date: formatDate(record.identification.date) })}` : ''}</Text>
        <Text size="sm"><Text span fw={600}>{t('header.leadAgency')}: </Text>
          {record.leadAgency ? localized(record.leadAgency.name, i18n.language) : t('header.noLead')}</Text>
        <Text size="sm"><Text span fw={600}>{t('header.exploitationForms')}: </Text>
          {forms.map((f) => t(`exploitationForm.${f}`, { ns: 'enums' })).join(', ') || t('none', { ns: 'common' })}</Text>
        {record.consent && (
          <Text size="sm"><Text span fw={600}>{t('header.consentReferral')}: </Text>
            {t(record.consent.referral ? 'yes' : 'no', { ns: 'common' })}</Text>
        )}
      </SimpleGrid>
    </Card>
  );
}

/** The latest screening with its explanation, dimension by dimension. */
export function ScreeningExplanation({ record }: { record: CaseRecord }) {
  const { t } = useTranslation('caseAnalysis');
  const s = record.screening;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="screening-heading">
      <Title order={2} size="h4" id="screening-heading" mb="xs">{t('screening.heading')}</Title>
      {!s ? <Text size="sm">{t('screening.none')}</Text> : (
        <Stack gap="xs">
          <Group gap="xs">
            <Text size="sm" fw={600}>{t('screening.outcome')}:</Text>
            <EnumBadge kind="screeningOutcome" value={s.outcome} color={s.outcome === 'presumed_victim' ? 'red' : 'violet'} />
          </Group>
          {s.childRule && <Text size="sm">{t('screening.childRule')}</Text>}
          {s.childProtectionImmediate && <Text size="sm" fw={600}>{t('screening.childProtection')}</Text>}
          <List size="sm" spacing={4}>
            {(s.dimensions ?? []).map((d) => (
              <List.Item key={d.dimension}>
                <Text span fw={600}>{t(`dimension.${d.dimension}`, { ns: 'enums' })}</Text>
                {' — '}{t(d.positive ? 'screening.positive' : 'screening.negative')}{d.reason ? `: ${d.reason}` : ''}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Card>
  );
}

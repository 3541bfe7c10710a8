import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CaseBadge } from './case-badge';
import type { CaseDetail } from '../api/case.types';
import { MinorBadge } from './minor-badge';

/** Status, trafficking status, minor flag and lead agency under the case number (the page title). */
export function CaseHeader({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation('case');
  const lang = i18n.language === 'en' ? 'en' : 'es';
  return (
    <Group gap="md" wrap="wrap" aria-label={t('header.label')} role="group">
      <Group gap={6}>
        <Text size="sm" fw={600}>{t('fields.status')}:</Text>
        <CaseBadge kind="caseStatus" value={c.status} color="blue.9" />
      </Group>
      <Group gap={6}>
        <Text size="sm" fw={600}>{t('fields.traffickingStatus')}:</Text>
        <CaseBadge kind="traffickingStatus" value={c.traffickingStatus} color="gray.8" />
      </Group>
      <MinorBadge isMinor={c.isMinor} />
      <Text size="sm">
        <Text span fw={600}>{t('fields.leadAgency')}: </Text>
        {c.leadAgency ? c.leadAgency.name[lang] : t('noLeadAgency')}
      </Text>
    </Group>
  );
}

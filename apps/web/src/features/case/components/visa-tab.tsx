import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CaseBadge } from './case-badge';
import { formatDate, formatDateTime } from '../../../lib/i18n/format';
import type { CaseDetail } from '../api/case.types';
import { FieldTable } from './field-table';

/** The article 104 visa request, read-only. */
export function VisaTab({ visa }: { visa: CaseDetail['visa'] }) {
  const { t } = useTranslation('case');
  if (!visa) return <Text>{t('visa.none')}</Text>;
  return (
    <FieldTable label={t('tabs.visa')} rows={[
      [t('visa.status'), <CaseBadge kind="visaStatus" value={visa.status} color="gray.8" />],
      [t('visa.requestedAt'), visa.requestedAt ? formatDateTime(visa.requestedAt) : undefined],
      [t('visa.decidedAt'), visa.decidedAt ? formatDateTime(visa.decidedAt) : undefined],
      [t('visa.number'), visa.visaNumber],
      [t('visa.issuedOn'), visa.issuedOn ? formatDate(visa.issuedOn) : undefined],
      [t('visa.expiresOn'), visa.expiresOn ? formatDate(visa.expiresOn) : undefined],
    ]} />
  );
}

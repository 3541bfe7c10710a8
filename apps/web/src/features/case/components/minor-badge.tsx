import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Minors' cases are flagged everywhere (PRODUCT.md section 4). */
export function MinorBadge({ isMinor }: { isMinor: boolean }) {
  const { t } = useTranslation('case');
  if (!isMinor) return null;
  return <Badge color="grape.9" variant="filled">{t('minor')}</Badge>;
}

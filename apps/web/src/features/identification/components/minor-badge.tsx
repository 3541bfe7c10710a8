import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown as soon as the date of birth or the estimated age says the person is under 18. */
export function MinorBadge({ minor }: { minor: boolean | null }) {
  const { t } = useTranslation('identification');
  if (!minor) return null;
  return (
    <Badge color="grape.9" variant="filled" size="lg" role="status">
      {t('minor.badge')}
    </Badge>
  );
}

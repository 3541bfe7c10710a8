import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An enumeration value of the case in the user's language, outlined in a dark shade (AA contrast on white and tints). */
export function CaseBadge({ kind, value, color = 'gray.8' }: { kind: string; value: string | null | undefined; color?: string }) {
  const { t } = useTranslation('enums');
  if (!value) return null;
  return <Badge color={color} variant="outline">{t(`${kind}.${value}`)}</Badge>;
}

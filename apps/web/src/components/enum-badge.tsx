import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A value of one of the API's enumerations (status, trafficking status, task type…) in the user's language. */
export function EnumBadge({ kind, value, color = 'gray' }: { kind: string; value: string | null | undefined; color?: MantineColor }) {
  const { t } = useTranslation('enums');
  if (!value) return null;
  return <Badge color={color} variant="light">{t(`${kind}.${value}`)}</Badge>;
}

import { Loader, type LoaderProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Something is being read: Mantine's loader as a live status, named in the user's language ("Cargando…"),
 * or by `label`. A name on the bare loader (a plain span) is an ARIA attribute axe refuses on that element.
 */
export function Loading({ label, ...props }: { label?: string } & Omit<LoaderProps, 'role'>) {
  const { t } = useTranslation('common');
  return <Loader role="status" aria-label={label ?? t('loading')} {...props} />;
}

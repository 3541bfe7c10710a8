import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../lib/session/session';

/** The signed-in user's name, agency and roles (PRODUCT.md section 15, "Everyone"). */
export function UserSummary({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation('tasks');
  const lang = i18n.language === 'en' ? 'en' : 'es';
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('user.label')}>
      <Group gap="lg" wrap="wrap">
        <Text fw={600}>{user.displayName}</Text>
        <Text size="sm">{t('user.agency', { agency: user.agency.name[lang] })}</Text>
        <Text size="sm">{t('user.roles', { roles: user.roles.map((r) => t(`role.${r}`, { ns: 'enums' })).join(', ') })}</Text>
      </Group>
    </Paper>
  );
}

import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queryClient } from '../lib/api/query-client';
import type { SessionUser } from '../lib/session/session';
import { signOut } from '../lib/session/session';

/** The user's name, agency and roles, and sign-out. */
export function UserMenu({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" size="xs" aria-label={t('user.menu', { name: user.displayName })}>
          {user.displayName}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.agency.name[lang]}</Menu.Label>
        <Text size="xs" px="sm" pb="xs">
          {user.roles.map((r) => t(`role.${r}`, { ns: 'enums' })).join(', ')}
        </Text>
        <Menu.Item
          onClick={async () => {
            await signOut();
            queryClient.clear();
            navigate('/sign-in');
          }}
        >
          {t('user.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

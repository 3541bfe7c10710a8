import type { CSSProperties } from 'react';
import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useUser } from '../lib/session/use-session';
import { CaseSearch } from './case-search';
import { LanguageSwitch } from '../components/language-switch';
import { queryClient } from '../lib/api/query-client';
import { navigationFor } from './navigation';
import { UserMenu } from './user-menu';

export function AppLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap" gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Title order={2} size="h3" c="blue.8">
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>Ruta</Link>
            </Title>
          </Group>
          <Group wrap="nowrap" gap="sm">
            <CaseSearch />
            <LanguageSwitch onSwitched={() => void queryClient.invalidateQueries()} />
            <UserMenu user={user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <nav aria-label={t('nav.label')}>
          {navigationFor(user.roles).map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(item.label)}
              active={item.to === '/' ? pathname === '/' : pathname.startsWith(item.to)}
              // The current screen's link: blue 9 on blue 0, blue 1 under the pointer (5:1 and more); Mantine's
              // light variant of the primary colour falls to 4:1 when hovered (axe).
              style={{ '--nl-color': 'var(--mantine-color-blue-9)', '--nl-bg': 'var(--mantine-color-blue-0)', '--nl-hover': 'var(--mantine-color-blue-1)' } as CSSProperties}
              onClick={close}
            />
          ))}
        </nav>
        <Text size="xs" mt="auto" p="xs">
          {t('user.agency', { agency: user.agency.code })}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

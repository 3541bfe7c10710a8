import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../lib/session/use-session';

/** Signed-in screens; otherwise to sign-in, remembering where the user was (and why, when it expired). */
export function RequireSession({ children }: { children: ReactNode }) {
  const state = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (state.status === 'restoring') {
    return (
      <Center h="100vh">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  }
  if (state.status === 'signedOut') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    const expired = state.reason === 'expired' ? '&expired=1' : '';
    return <Navigate to={`/sign-in?next=${next}${expired}`} replace />;
  }
  return <>{children}</>;
}

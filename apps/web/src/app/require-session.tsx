import { Loading } from '../components/loading';
import { Center } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../lib/session/use-session';

/** Signed-in screens; otherwise to sign-in, remembering where the user was (and why, when it expired). */
export function RequireSession({ children }: { children: ReactNode }) {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'restoring') {
    return (
      <Center h="100vh">
        <Loading />
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

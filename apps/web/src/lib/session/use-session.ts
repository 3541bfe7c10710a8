import { useSyncExternalStore } from 'react';
import { session, type SessionState, type SessionUser } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get);
}

/** The signed-in user (only inside RequireSession). */
export function useUser(): SessionUser {
  const state = useSession();
  if (state.status !== 'signedIn') throw new Error('useUser outside a signed-in screen');
  return state.user;
}

export function hasRole(user: SessionUser, ...roles: string[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}

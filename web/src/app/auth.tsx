import { createContext, lazy, useContext, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { api, ApiError, setCsrfToken } from '../api/client';
import type { Ability, LoginResult, Me } from '../api/types';
import { ErrorAlert } from '../ui/error-alert';

// The 403 page (antd Result with its illustration) loads only when shown; the login page imports this file.
const Forbidden = lazy(() => import('../ui/forbidden').then((m) => ({ default: m.Forbidden })));

export const ME_KEY = ['me'] as const;

/** The caller, or null when not logged in (a 401 here is an answer, not an error). */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api.get<Me>('/api/auth/me', undefined, { quiet401: true });
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

/** Abilities in the current committee, as the server computed them; the UI never re-derives them. */
export function useCan(): (ability: Ability) => boolean {
  const { data } = useMe();
  return (ability) => !!data?.abilities.includes(ability);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<LoginResult>('/api/auth/login', body, { quiet401: true }),
    onSuccess: async (res) => {
      setCsrfToken(res.csrfToken);
      // Another user's cached data must not survive a login.
      qc.clear();
      await qc.fetchQuery({ queryKey: ME_KEY, queryFn: () => api.get<Me>('/api/auth/me') });
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}

const SessionContext = createContext<Me | null>(null);

/**
 * Renders the app only for a logged-in user; everyone else goes to /login and comes back.
 * Pages below read the user with useSession(), from context rather than from the query cache:
 * on logout or an expired session the old page may render once more (the router is still loading
 * the login page) after the cache has already forgotten the user, and must still see one.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  if (error) return <ErrorAlert error={error} />;
  if (!data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // The server refuses committee work until a generated password is replaced; go where that is done.
  if (data.user.mustChangePassword && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return <SessionContext.Provider value={data}>{children}</SessionContext.Provider>;
}

/** The logged-in user, for components under RequireAuth. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside RequireAuth');
  return me;
}

/** Shows a 403 page instead of `children` when the current committee does not grant `ability`. */
export function RequireAbility({ ability, message, children }: { ability: Ability; message?: string; children: ReactNode }) {
  const can = useCan();
  return can(ability) ? <>{children}</> : <Forbidden message={message} />;
}

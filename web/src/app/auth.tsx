import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { client, unwrap } from '../api/client.ts';
import { setRestrictedHandler, setUnauthenticatedHandler } from './api.ts';
import type { User } from '../api/models.ts';

/**
 * What a session must do before anything else: change an expired password, or set up the second factor
 * the policy makes compulsory for the role (the server refuses every other route until then).
 */
export type Restriction = 'password_expired' | 'totp_enrolment' | null;

export interface PasswordChange {
  username: string;
  currentPassword: string;
  newPassword: string;
  code?: string;
}

interface AuthState {
  user: User | null;
  restriction: Restriction;
  /** Whether the signed-in user has a second factor (a password change then asks for a code). */
  secondFactor: boolean;
  /** True until the session cookie (if any) has been checked with the server. */
  loading: boolean;
  /** Signs in; `code` is the one-time code (or a recovery code) when the server asked for it. */
  login(username: string, password: string, code?: string): Promise<User>;
  /** Changes the own password and signs in with the new one. */
  changePassword(input: PasswordChange): Promise<User>;
  /** Asks the server again (after the second factor is set up). */
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [restriction, setRestriction] = useState<Restriction>(null);
  const [secondFactor, setSecondFactor] = useState(false);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    // The HttpOnly cookie is invisible to script: ask the server whether it still signs someone in.
    try {
      const r = await unwrap(client.GET('/api/auth/me'));
      setUser(r.user as User);
      setRestriction(r.restriction);
      setSecondFactor(r.secondFactor.enabled);
    } catch {
      setUser(null);
      setRestriction(null);
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => setUser(null));
    setRestrictedHandler(() => void refresh());
    void refresh().finally(() => setLoading(false));
  }, [refresh]);

  const login = useCallback(async (username: string, password: string, code?: string) => {
    const r = await unwrap(
      client.POST('/api/auth/login', {
        body: { username, password, session: 'cookie', ...(code && { code }) },
      }),
    );
    setRestriction(r.restriction ?? null);
    setUser(r.user);
    return r.user;
  }, []);

  const changePassword = useCallback(async (input: PasswordChange) => {
    const r = await unwrap(
      client.POST('/api/auth/password', {
        body: { ...input, code: input.code || undefined, session: 'cookie' },
      }),
    );
    setRestriction(r.restriction ?? null);
    setUser(r.user ?? null);
    return r.user!;
  }, []);

  const logout = useCallback(async () => {
    await unwrap(client.POST('/api/auth/logout')).catch(() => undefined);
    setUser(null);
    setRestriction(null);
  }, []);

  const value = useMemo(
    () => ({ user, restriction, secondFactor, loading, login, changePassword, refresh, logout }),
    [user, restriction, secondFactor, loading, login, changePassword, refresh, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for pages behind the sign-in gate. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

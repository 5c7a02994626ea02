import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { message } from 'antd';
import { errorText } from './components/query-state.tsx';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { AuthProvider, useAuth } from './app/auth.tsx';
import { AppLayout } from './app/layout.tsx';
import { NotAllowedOrMissing } from './components/status-pages.tsx';
import { pagesFor } from './app/nav.tsx';
import { ChangePasswordForm } from './features/login/change-password-form.tsx';
import './app/format.ts';

const LoginPage = lazy(() => import('./features/login/login-page.tsx'));
const SecondFactorPage = lazy(() => import('./features/login/second-factor-page.tsx'));
const CitizenSubmitPage = lazy(() => import('./features/citizen/submit-page.tsx'));
const CitizenTrackPage = lazy(() => import('./features/citizen/track-page.tsx'));

const queryClient = new QueryClient({
  // Feedback on every action: a mutation that does not handle its own failure gets the server's message, and
  // one that names its success (meta.success) gets that (issue 14).
  mutationCache: new MutationCache({
    onError: (err, _v, _c, mutation) => {
      if (!mutation.options.onError) message.error(errorText(err));
    },
    onSuccess: (_d, _v, _c, mutation) => {
      if (typeof mutation.meta?.success === 'string') message.success(mutation.meta.success);
    },
  }),
  defaultOptions: {
    // The console talks to a server on the office's own network: the browser's guess that it is "offline" (no
    // route to the internet, a network interface going down) must not hold a request back. With the default
    // networkMode a mutation then waits, unsent, with its button spinning, until an "online" event that may never
    // come; 'always' sends it, and a real failure shows as an error to retry.
    mutations: { networkMode: 'always' },
    queries: {
      networkMode: 'always',
      // A missing or forbidden record will not appear on a second try: ask once (issue 14: fetched three times).
      retry: (n, err) => n < 2 && ![401, 403, 404].includes((err as { status?: number }).status ?? 0),
      refetchOnWindowFocus: false,
    },
  },
});

function StaffRoutes() {
  const { user, loading, restriction, secondFactor, refresh } = useAuth();
  const location = useLocation();
  if (loading) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  // What the session must do first: the server refuses everything else until it is done.
  if (restriction === 'password_expired')
    return (
      <div style={{ maxWidth: 420, margin: '40px auto', padding: 16 }}>
        <ChangePasswordForm username={user.username} secondFactor={secondFactor} onDone={() => undefined} />
      </div>
    );
  if (restriction === 'totp_enrolment') return <SecondFactorPage forced onEnabled={() => void refresh()} />;
  return (
    <Routes>
      <Route element={<AppLayout />}>
        {pagesFor(user.role).map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route path="*" element={<NotAllowedOrMissing />} />
      </Route>
    </Routes>
  );
}

function Root() {
  return (
    <Suspense fallback={<Spin style={{ display: 'block', marginTop: 120 }} />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/public/submit" element={<CitizenSubmitPage />} />
        <Route path="/public/track" element={<CitizenTrackPage />} />
        <Route path="/*" element={<StaffRoutes />} />
      </Routes>
    </Suspense>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#1f5fbf' } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <BrowserRouter>
              <Root />
            </BrowserRouter>
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);

import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { AuthProvider, useAuth } from './app/auth.tsx';
import { AppLayout } from './app/layout.tsx';
import { pagesFor } from './app/nav.tsx';
import './app/format.ts';

const LoginPage = lazy(() => import('./features/login/login-page.tsx'));
const CitizenSubmitPage = lazy(() => import('./features/citizen/submit-page.tsx'));
const CitizenTrackPage = lazy(() => import('./features/citizen/track-page.tsx'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (n, err) => n < 2 && (err as { status?: number }).status !== 401,
      refetchOnWindowFocus: false,
    },
  },
});

function StaffRoutes() {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <Routes>
      <Route element={<AppLayout />}>
        {pagesFor(user.role).map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route path="*" element={<Navigate to="/" replace />} />
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

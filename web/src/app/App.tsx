import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { ApiError, onSignedOut } from '../api/client';
import { useMe } from '../api/hooks';
import { ErrorNotice, Loading } from '../components/ui';
import { applyLanguage } from '../i18n';
import { usePrefs } from '../lib/prefs';
import { Layout } from './Layout';
import { SignInPage } from '../pages/SignIn';
import { CasesPage } from '../pages/Cases';
import { NotFound } from '../pages/NotFound';

// Pages beyond the first are split by route: the first view loads only what it shows.
const PasswordPage = lazy(() => import('../pages/Password'));
const CaseRoutes = lazy(() => import('../pages/case/CaseRoutes'));
const AccountPage = lazy(() => import('../pages/Account'));
const UsersPage = lazy(() => import('../pages/admin/Users'));
const AuditPage = lazy(() => import('../pages/admin/Audit'));
const PublicInquiryPage = lazy(() => import('../pages/PublicInquiry'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // A refusal is an answer; only a failure to answer is worth asking again.
      retry: (n, e) => !(e instanceof ApiError && e.status > 0 && e.status < 500) && n < 2,
    },
  },
});

export function App() {
  const prefs = usePrefs();
  useEffect(() => applyLanguage(prefs.language), [prefs.language]);
  return (
    <QueryClientProvider client={queryClient}>
      <Desk />
    </QueryClientProvider>
  );
}

function Desk() {
  const [location] = useLocation();
  return (
    <Switch>
      <Route path="/sign-in">
        <SignInPage />
      </Route>
      <Route path="/inquire">
        <Suspense fallback={<Loading />}>
          <PublicInquiryPage />
        </Suspense>
      </Route>
      <Route>
        <SignedIn key={location === '/password' ? 'password' : 'desk'} />
      </Route>
    </Switch>
  );
}

/** Everything behind the sign-in: the reader must be known, and past a one-time password. */
function SignedIn() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const [location, navigate] = useLocation();
  const search = useSearch();
  useEffect(
    () =>
      onSignedOut(() => {
        qc.clear();
        navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
      }),
    [qc, navigate],
  );
  if (me.isPending) return <Loading />;
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const next =
        location === '/' ? '' : `?next=${encodeURIComponent(location + (search ? `?${search}` : ''))}`;
      return <Redirect to={`/sign-in${next}`} replace />;
    }
    return (
      <main className="page narrow">
        <h1>{t('app.name')}</h1>
        <ErrorNotice error={me.error} />
      </main>
    );
  }
  const user = me.data;
  return (
    <Layout me={user}>
      <Suspense fallback={<Loading />}>
        {user.mustChangePassword ? (
          <PasswordPage forced />
        ) : (
          <Switch>
            <Route path="/">
              <CasesPage />
            </Route>
            <Route path="/password">
              <PasswordPage />
            </Route>
            <Route path="/account">
              <AccountPage />
            </Route>
            <Route path="/admin/users">{user.isAdmin ? <UsersPage /> : <NotFound />}</Route>
            <Route path="/admin/audit">{user.isAdmin ? <AuditPage /> : <NotFound />}</Route>
            <Route path="/cases/:slug" nest>
              {(params) => <CaseRoutes slug={params.slug} me={user} />}
            </Route>
            <Route>
              <NotFound />
            </Route>
          </Switch>
        )}
      </Suspense>
    </Layout>
  );
}

import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import { useCase } from '../../api/hooks';
import type { Me } from '../../api/types';
import { ApiError } from '../../api/client';
import { CaseContext } from '../../components/case-context';
import { Badge, ErrorNotice, Loading, UserText } from '../../components/ui';
import { NotFound } from '../NotFound';
import Dashboard from './Dashboard';

const ClaimsBoard = lazy(() => import('./ClaimsBoard'));
const NewClaim = lazy(() => import('./NewClaim'));
const ClaimPage = lazy(() => import('./ClaimPage'));
const SourcesPage = lazy(() => import('./Sources'));
const StatementPage = lazy(() => import('./StatementPage'));
const PlacesPage = lazy(() => import('./Places'));
const SweepPage = lazy(() => import('./SweepPage'));
const TimelinePage = lazy(() => import('./Timeline'));
const FiguresPage = lazy(() => import('./Figures'));
const HistoryPage = lazy(() => import('./CaseHistory'));
const MediaPage = lazy(() => import('./Media'));
const MediaItemPage = lazy(() => import('./MediaItem'));
const MembersPage = lazy(() => import('./Members'));
const PersonsPage = lazy(() => import('./Persons'));
const InquiriesPage = lazy(() => import('./Inquiries'));
const ImportPersonsPage = lazy(() => import('./ImportPersons'));
const InquiryPage = lazy(() => import('./InquiryPage'));
const PersonPage = lazy(() => import('./PersonPage'));
const ReleaseListsPage = lazy(() => import('./ReleaseLists'));
const ReleaseListPage = lazy(() => import('./ReleaseListPage'));

/** A case: its header and tabs, and the page of the tab (routes relative to /cases/:slug). */
export default function CaseRoutes({ slug, me }: { slug: string; me: Me }) {
  const { t } = useTranslation();
  const q = useCase(slug);
  if (q.isPending) return <Loading />;
  if (q.error) {
    return (
      <div className="page narrow">
        <h1>
          {q.error instanceof ApiError && q.error.status === 404 ? t('case.notFound') : t('case.title')}
        </h1>
        <ErrorNotice error={q.error} />
      </div>
    );
  }
  const c = q.data;
  const canManage = c.role === 'admin' || me.isAdmin;
  // The registry is the caseworkers' and the case admins' alone (the server refuses others).
  const canSeePersons = c.role === 'admin' || c.role === 'caseworker';
  return (
    <CaseContext.Provider value={c}>
      <div className="case-header">
        <p className="case-title">
          <Link href="/">
            <UserText>{c.title}</UserText>
          </Link>
          {c.isDemo ? <Badge kind="demo">{t('common.demo')}</Badge> : null}
          {c.role ? <Badge kind="role">{t(`roles.${c.role}`)}</Badge> : null}
        </p>
        <nav aria-label={t('case.sections')} className="tabs">
          <ul>
            <Tab href="/" exact>
              {t('case.tabs.dashboard')}
            </Tab>
            <Tab href="/claims">{t('case.tabs.claims')}</Tab>
            <Tab href="/sources">{t('case.tabs.sources')}</Tab>
            <Tab href="/media">{t('case.tabs.media')}</Tab>
            {canSeePersons ? <Tab href="/persons">{t('case.tabs.persons')}</Tab> : null}
            <Tab href="/places">{t('case.tabs.places')}</Tab>
            <Tab href="/timeline">{t('case.tabs.timeline')}</Tab>
            <Tab href="/figures">{t('case.tabs.figures')}</Tab>
            <Tab href="/history">{t('case.tabs.history')}</Tab>
            {canManage ? <Tab href="/members">{t('case.tabs.members')}</Tab> : null}
          </ul>
        </nav>
      </div>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/">
            <Dashboard />
          </Route>
          <Route path="/claims">
            <ClaimsBoard />
          </Route>
          <Route path="/claims/new">
            <NewClaim />
          </Route>
          <Route path="/claims/:id">{(p) => <ClaimPage id={p.id} />}</Route>
          <Route path="/sources">
            <SourcesPage />
          </Route>
          <Route path="/statements/:id">{(p) => <StatementPage id={p.id} />}</Route>
          <Route path="/media">
            <MediaPage />
          </Route>
          <Route path="/media/:id">{(p) => <MediaItemPage id={p.id} />}</Route>
          <Route path="/persons">{canSeePersons ? <PersonsPage /> : <NotFound />}</Route>
          <Route path="/persons/lists">{canSeePersons ? <ReleaseListsPage /> : <NotFound />}</Route>
          <Route path="/persons/inquiries">{canSeePersons ? <InquiriesPage /> : <NotFound />}</Route>
          <Route path="/persons/import">{canSeePersons ? <ImportPersonsPage /> : <NotFound />}</Route>
          <Route path="/persons/inquiries/:id">
            {(p) => (canSeePersons ? <InquiryPage id={p.id} /> : <NotFound />)}
          </Route>
          <Route path="/persons/lists/:id">
            {(p) => (canSeePersons ? <ReleaseListPage id={p.id} /> : <NotFound />)}
          </Route>
          <Route path="/persons/:id">
            {(p) => (canSeePersons ? <PersonPage id={p.id} /> : <NotFound />)}
          </Route>
          <Route path="/places">
            <PlacesPage />
          </Route>
          <Route path="/sweeps/:id">{(p) => <SweepPage id={p.id} />}</Route>
          <Route path="/timeline">
            <TimelinePage />
          </Route>
          <Route path="/figures">
            <FiguresPage />
          </Route>
          <Route path="/history">
            <HistoryPage />
          </Route>
          <Route path="/members">{canManage ? <MembersPage /> : <NotFound />}</Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Suspense>
    </CaseContext.Provider>
  );
}

function Tab({ href, exact, children }: { href: string; exact?: boolean; children: ReactNode }) {
  const [location] = useLocation();
  const current = exact ? location === href : location === href || location.startsWith(`${href}/`);
  return (
    <li>
      <Link href={href} {...(current ? { 'aria-current': 'page' as const } : {})}>
        {children}
      </Link>
    </li>
  );
}

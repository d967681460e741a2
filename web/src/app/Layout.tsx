import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { api, csrf, ok } from '../api/client';
import type { Me } from '../api/types';
import { LANGUAGES, setPrefs, usePrefs, type Digits, type Language, type ZoneMode } from '../lib/prefs';

/** The frame of every signed-in page: where one is, where one can go, and the reader's preferences. */
export function Layout({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  async function signOut() {
    try {
      await ok(api.POST('/api/auth/logout'));
    } catch {
      // Signed out already, or the server is gone: either way this browser forgets the session.
    }
    csrf.clear();
    qc.clear();
    navigate('~/sign-in');
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <Link href="~/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul>
            <li>
              <NavLink href="~/">{t('nav.cases')}</NavLink>
            </li>
            {me.isAdmin ? (
              <>
                <li>
                  <NavLink href="~/admin/users">{t('nav.users')}</NavLink>
                </li>
                <li>
                  <NavLink href="~/admin/audit">{t('nav.audit')}</NavLink>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
        <div className="top-end">
          <Preferences />
          <Link href="~/account" className="account-link">
            <span className="sr-only">{t('nav.account')}: </span>
            <span dir="auto">{me.username}</span>
          </Link>
          <button type="button" className="link-button" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  const path = href.replace(/^~/, '');
  const current =
    path === '/' ? location === '/' || location.startsWith('/cases') : location.startsWith(path);
  return (
    <Link href={href} {...(current ? { 'aria-current': 'page' as const } : {})}>
      {children}
    </Link>
  );
}

/** Language, digits and the zone times are shown in: switchable at any time, kept in this browser. */
export function Preferences() {
  const { t } = useTranslation();
  const p = usePrefs();
  return (
    <div className="prefs">
      <label>
        <span className="sr-only">{t('prefs.language')}</span>
        <select value={p.language} onChange={(e) => setPrefs({ language: e.target.value as Language })}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="sr-only">{t('prefs.digits')}</span>
        <select value={p.digits} onChange={(e) => setPrefs({ digits: e.target.value as Digits })}>
          <option value="auto">{t('prefs.digitsAuto')}</option>
          <option value="latn">{t('prefs.digitsLatn')}</option>
          <option value="arab">{t('prefs.digitsArab')}</option>
        </select>
      </label>
      <label>
        <span className="sr-only">{t('prefs.times')}</span>
        <select value={p.zoneMode} onChange={(e) => setPrefs({ zoneMode: e.target.value as ZoneMode })}>
          <option value="source">{t('prefs.timesSource')}</option>
          <option value="utc">{t('prefs.timesUtc')}</option>
          <option value="reader">{t('prefs.timesReader')}</option>
        </select>
      </label>
    </div>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { api, csrf, ok } from '../api/client';
import { Preferences } from '../app/Layout';
import { ErrorNotice, Field, useFormErrors, useTitle } from '../components/ui';

/** Where to go after signing in: a path of the desk only, never another site. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next.startsWith('/sign-in') ? '/' : next;
}

export function SignInPage() {
  const { t } = useTranslation();
  useTitle(t('signIn.title'));
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const next = safeNext(new URLSearchParams(useSearch()).get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (
      !errors.check({
        '/username': !username.trim() && t('form.requiredField'),
        '/password': !password && t('form.requiredField'),
      })
    )
      return;
    setBusy(true);
    try {
      const r = await ok(api.POST('/api/auth/login', { body: { username: username.trim(), password } }));
      csrf.set(r.csrfToken);
      qc.clear();
      navigate(r.user.mustChangePassword ? '/password' : next, { replace: true });
    } catch (err) {
      errors.fromServer(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="page narrow sign-in" id="main">
      <div className="sign-in-prefs">
        <Preferences />
      </div>
      <h1>{t('app.name')}</h1>
      <p className="lead">{t('app.tagline')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate className="card">
        <h2>{t('signIn.title')}</h2>
        <ErrorNotice error={errors.general(['/username', '/password'])} />
        <Field label={t('signIn.username')} error={errors.for('/username')} required>
          {(a) => (
            <input
              {...a}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('signIn.password')} error={errors.for('/password')} required>
          {(a) => (
            <input
              {...a}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}

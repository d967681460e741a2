import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { api, ok } from '../api/client';
import { ErrorNotice, Field, useFormErrors, useTitle } from '../components/ui';
import { LIMITS } from '../lib/checks';

/** The server's rule for a password (src/modules/accounts/passwords.ts), checked before sending. */
export function passwordProblem(t: (k: string) => string, pw: string): string | null {
  const length = [...pw].length;
  if (length < LIMITS.pwMin) return t('password.tooShort');
  if (length > LIMITS.pwMax) return t('password.tooLong');
  if (pw.trim().length === 0) return t('password.onlySpaces');
  if (new Set(pw).size < LIMITS.pwDistinct) return t('password.tooFewCharacters');
  return null;
}

/** Changing one's password; after a one-time password, the only page one can reach. */
export default function PasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  useTitle(t('password.title'));
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const errors = useFormErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (
      !errors.check({
        '/currentPassword': !current && t('form.requiredField'),
        '/newPassword': passwordProblem(t, next) ?? (next === current && t('password.sameAsCurrent')),
        again: again !== next && t('password.mismatch'),
      })
    )
      return;
    setBusy(true);
    try {
      await ok(api.POST('/api/auth/password', { body: { currentPassword: current, newPassword: next } }));
      setDone(true);
      await qc.invalidateQueries({ queryKey: ['me'] });
      navigate('/', { replace: true });
    } catch (err) {
      errors.fromServer(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page narrow">
      <h1>{t('password.title')}</h1>
      {forced ? (
        <p className="notice" role="status">
          {t('password.forced')}
        </p>
      ) : null}
      {done ? <p role="status">{t('password.changed')}</p> : null}
      <form onSubmit={(e) => void submit(e)} noValidate className="card">
        <ErrorNotice error={errors.general(['/currentPassword', '/newPassword'])} />
        <Field label={t('password.current')} error={errors.for('/currentPassword')} required>
          {(a) => (
            <input
              {...a}
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('password.new')}
          hint={t('password.rule')}
          error={errors.for('/newPassword')}
          required
        >
          {(a) => (
            <input
              {...a}
              type="password"
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('password.again')} error={errors.for('again')} required>
          {(a) => (
            <input
              {...a}
              type="password"
              autoComplete="new-password"
              value={again}
              onChange={(e) => setAgain(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {t('password.submit')}
        </button>
      </form>
    </div>
  );
}

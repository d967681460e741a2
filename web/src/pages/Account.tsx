import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, ok } from '../api/client';
import { allPages, useMe, useWrite } from '../api/hooks';
import type { ApiToken } from '../api/types';
import { OneTimeSecret } from '../components/secret';
import { Badge, Empty, ErrorNotice, Field, Query, UserText, useFormErrors, useTitle } from '../components/ui';
import { InstantText } from '../components/when';
import { LIMITS } from '../lib/checks';

/** The reader's own account: password, API tokens. */
export default function AccountPage() {
  const { t } = useTranslation();
  useTitle(t('account.title'));
  const me = useMe();
  return (
    <div className="page">
      <h1>{t('account.title')}</h1>
      <p>
        {t('account.signedInAs')} <strong dir="auto">{me.data?.username}</strong>
        {me.data?.isAdmin ? (
          <>
            {' '}
            <Badge kind="role">{t('account.admin')}</Badge>
          </>
        ) : null}
      </p>
      <p>
        <Link href="/password">{t('password.title')}</Link>
      </p>
      <Tokens all={false} />
    </div>
  );
}

export function tokenState(tk: ApiToken, now = Date.now()): 'active' | 'revoked' | 'expired' {
  if (tk.revokedAt) return 'revoked';
  if (tk.expiresAt && new Date(tk.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

/** API tokens: one's own, or (administrators, `all`) everyone's; a new token's secret is shown once. */
export function Tokens({ all }: { all: boolean }) {
  const { t } = useTranslation();
  const tokens = useQuery({
    queryKey: ['tokens', all],
    queryFn: () =>
      allPages(
        (cursor) =>
          ok(
            api.GET('/api/tokens', {
              params: { query: { cursor, limit: 500, ...(all ? { all: true } : {}) } },
            }),
          ),
        'tokens',
      ),
  });
  const revoke = useWrite(
    (id: string) => ok(api.POST('/api/tokens/{id}/revoke', { params: { path: { id } } })),
    () => [['tokens']],
  );
  return (
    <section aria-labelledby="tokens-h">
      <h2 id="tokens-h">{t('tokens.title')}</h2>
      <p className="muted">{t('tokens.hint')}</p>
      <ErrorNotice error={revoke.error} />
      <Query q={tokens}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('tokens.none')}</Empty>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('tokens.name')}</th>
                  <th scope="col">{t('tokens.prefix')}</th>
                  <th scope="col">{t('tokens.created')}</th>
                  <th scope="col">{t('tokens.lastUsed')}</th>
                  <th scope="col">{t('tokens.state')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((tk) => {
                  const state = tokenState(tk);
                  return (
                    <tr key={tk.id}>
                      <td>
                        <UserText>{tk.name}</UserText>
                      </td>
                      <td>
                        <code dir="ltr">{tk.prefix}…</code>
                      </td>
                      <td>
                        <InstantText at={tk.createdAt} />
                      </td>
                      <td>{tk.lastUsedAt ? <InstantText at={tk.lastUsedAt} /> : t('tokens.never')}</td>
                      <td>
                        <Badge kind={`token-${state}`}>{t(`tokens.states.${state}`)}</Badge>
                        {tk.revokedReason ? (
                          <span className="muted small"> {t(`tokens.reason.${tk.revokedReason}`)}</span>
                        ) : null}
                      </td>
                      <td>
                        {state === 'active' ? (
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => revoke.mutate(tk.id)}
                            disabled={revoke.isPending}
                          >
                            {t('tokens.revoke')}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </Query>
      <NewToken forOthers={all} />
    </section>
  );
}

function NewToken({ forOthers }: { forOthers: boolean }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const errors = useFormErrors();
  const create = useWrite(
    (b: { name: string; expiresInDays?: number; username?: string }) =>
      ok(api.POST('/api/tokens', { body: b })),
    () => [['tokens']],
    (out) => {
      setSecret(out.secret);
      setName('');
    },
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    const n = Number(days);
    if (
      !errors.check({
        '/name': !name.trim() ? t('form.requiredField') : [...name].length > 100 && t('form.tooLong'),
        '/expiresInDays':
          days !== '' &&
          (!Number.isInteger(n) || n < LIMITS.daysMin || n > LIMITS.daysMax) &&
          t('tokens.badDays'),
      })
    )
      return;
    create.mutate(
      {
        name: name.trim(),
        ...(days !== '' ? { expiresInDays: n } : {}),
        ...(forOthers && username.trim() ? { username: username.trim() } : {}),
      },
      { onError: (err) => errors.fromServer(err) },
    );
  }
  return (
    <>
      {secret ? (
        <OneTimeSecret label={t('tokens.secret')} secret={secret} onDone={() => setSecret(null)} />
      ) : null}
      <form onSubmit={submit} noValidate className="card">
        <h3>{t('tokens.create')}</h3>
        <ErrorNotice error={errors.general(['/name', '/expiresInDays', '/username'])} />
        <div className="row">
          <Field label={t('tokens.name')} error={errors.for('/name')} required>
            {(a) => <input {...a} dir="auto" value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label={t('tokens.days')} hint={t('tokens.daysHint')} error={errors.for('/expiresInDays')}>
            {(a) => (
              <input
                {...a}
                inputMode="numeric"
                dir="ltr"
                value={days}
                onChange={(e) => setDays(e.target.value)}
              />
            )}
          </Field>
          {forOthers ? (
            <Field label={t('tokens.forUser')} hint={t('tokens.forUserHint')} error={errors.for('/username')}>
              {(a) => (
                <input {...a} dir="ltr" value={username} onChange={(e) => setUsername(e.target.value)} />
              )}
            </Field>
          ) : null}
        </div>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('tokens.createSubmit')}
        </button>
      </form>
    </>
  );
}

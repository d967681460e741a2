import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { allPages, useMe, useWrite } from '../../api/hooks';
import { OneTimeSecret } from '../../components/secret';
import { Badge, ErrorNotice, Field, Query, UserText, useFormErrors, useTitle } from '../../components/ui';
import { InstantText } from '../../components/when';
import { USERNAME } from '../../lib/checks';
import { Tokens } from '../Account';

/** The installation's users (administrators): create with a one-time password, disable, reset, promote. */
export default function UsersPage() {
  const { t } = useTranslation();
  useTitle(t('users.title'));
  const me = useMe();
  const [secret, setSecret] = useState<{ user: string; password: string } | null>(null);
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () =>
      allPages((cursor) => ok(api.GET('/api/users', { params: { query: { cursor, limit: 500 } } })), 'users'),
  });
  const disable = useWrite(
    (username: string) => ok(api.POST('/api/users/{username}/disable', { params: { path: { username } } })),
    () => [['users'], ['tokens']],
  );
  const reset = useWrite(
    (username: string) =>
      ok(api.POST('/api/users/{username}/reset-password', { params: { path: { username } } })),
    () => [['users'], ['tokens']],
    (out) => setSecret({ user: out.user.username, password: out.oneTimePassword }),
  );
  const promote = useWrite(
    (b: { username: string; isAdmin: boolean }) =>
      ok(
        api.PATCH('/api/users/{username}', {
          params: { path: { username: b.username } },
          body: { isAdmin: b.isAdmin },
        }),
      ),
    () => [['users']],
  );
  return (
    <div className="page">
      <h1>{t('users.title')}</h1>
      {secret ? (
        <OneTimeSecret
          label={t('users.oneTimeFor', { user: secret.user })}
          secret={secret.password}
          onDone={() => setSecret(null)}
        />
      ) : null}
      <ErrorNotice error={disable.error ?? reset.error ?? promote.error} />
      <Query q={users}>
        {(list) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('users.user')}</th>
                <th scope="col">{t('users.admin')}</th>
                <th scope="col">{t('users.created')}</th>
                <th scope="col">{t('users.state')}</th>
                <th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.id}>
                  <td>
                    <UserText>{u.displayName}</UserText>{' '}
                    <span className="muted">
                      (<bdi>{u.username}</bdi>)
                    </span>
                  </td>
                  <td>
                    <label>
                      <input
                        type="checkbox"
                        checked={u.isAdmin}
                        disabled={
                          u.username === me.data?.username || u.disabledAt !== null || promote.isPending
                        }
                        onChange={(e) => promote.mutate({ username: u.username, isAdmin: e.target.checked })}
                      />
                      <span className="sr-only">{t('users.adminOf', { user: u.username })}</span>
                    </label>
                  </td>
                  <td>
                    <InstantText at={u.createdAt} />
                  </td>
                  <td>
                    {u.disabledAt ? (
                      <Badge kind="restricted">{t('users.disabled')}</Badge>
                    ) : u.mustChangePassword ? (
                      <Badge kind="pending">{t('users.mustChange')}</Badge>
                    ) : (
                      <Badge kind="active">{t('users.active')}</Badge>
                    )}
                  </td>
                  <td className="actions">
                    {!u.disabledAt && u.username !== me.data?.username ? (
                      <>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => {
                            if (window.confirm(t('users.confirmReset', { user: u.username })))
                              reset.mutate(u.username);
                          }}
                        >
                          {t('users.reset')}
                        </button>{' '}
                        <button
                          type="button"
                          className="link-button danger"
                          onClick={() => {
                            if (window.confirm(t('users.confirmDisable', { user: u.username })))
                              disable.mutate(u.username);
                          }}
                        >
                          {t('users.disable')}
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Query>
      <NewUser onCreated={(user, password) => setSecret({ user, password })} />
      <Tokens all />
    </div>
  );
}

function NewUser({ onCreated }: { onCreated: (user: string, password: string) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const errors = useFormErrors();
  const create = useWrite(
    (b: { username: string; displayName?: string; isAdmin: boolean }) =>
      ok(api.POST('/api/users', { body: b })),
    () => [['users']],
    (out) => {
      if (out.oneTimePassword) onCreated(out.user.username, out.oneTimePassword);
      setUsername('');
      setDisplayName('');
      setIsAdmin(false);
    },
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (
      !errors.check({
        '/username': !USERNAME.test(username.trim()) && t('members.badUsername'),
        '/displayName': [...displayName].length > 200 && t('form.tooLong'),
      })
    )
      return;
    create.mutate(
      {
        username: username.trim(),
        isAdmin,
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      },
      { onError: (err) => errors.fromServer(err) },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="card">
      <h2>{t('users.create')}</h2>
      <p className="muted">{t('users.createHint')}</p>
      <ErrorNotice error={errors.general(['/username', '/displayName', '/isAdmin'])} />
      <div className="row">
        <Field
          label={t('users.username')}
          hint={t('users.usernameHint')}
          error={errors.for('/username')}
          required
        >
          {(a) => (
            <input
              {...a}
              dir="ltr"
              autoCapitalize="none"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('users.displayName')} error={errors.for('/displayName')}>
          {(a) => (
            <input {...a} dir="auto" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          )}
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} />{' '}
        {t('users.makeAdmin')}
      </label>
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('users.createSubmit')}
      </button>
    </form>
  );
}

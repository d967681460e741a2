import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { allPages, useMe, useWrite } from '../../api/hooks';
import type { Role } from '../../api/types';
import { useCurrentCase } from '../../components/case-context';
import { ErrorNotice, Field, Query, UserText, useFormErrors, useTitle } from '../../components/ui';
import { InstantText } from '../../components/when';
import { USERNAME } from '../../lib/checks';

const ROLES: Role[] = ['viewer', 'caseworker', 'editor', 'reviewer', 'admin'];

/** Who works on the case and in which role (case administrators and installation administrators). */
export default function MembersPage() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  useTitle(t('members.title'));
  const me = useMe();
  const members = useQuery({
    queryKey: ['case', c.slug, 'members'],
    queryFn: () =>
      allPages(
        (cursor) =>
          ok(
            api.GET('/api/cases/{caseId}/members', {
              params: { path: { caseId: c.slug }, query: { cursor, limit: 500 } },
            }),
          ),
        'members',
      ),
  });
  const setRole = useWrite(
    (b: { username: string; role: Role }) =>
      ok(api.POST('/api/cases/{caseId}/members', { params: { path: { caseId: c.slug } }, body: b })),
    () => [
      ['case', c.slug, 'members'],
      ['case', c.slug],
    ],
  );
  const remove = useWrite(
    (username: string) =>
      ok(
        api.DELETE('/api/cases/{caseId}/members/{username}', {
          params: { path: { caseId: c.slug, username } },
        }),
      ),
    () => [['case', c.slug, 'members']],
  );
  return (
    <div className="page">
      <h1>{t('members.title')}</h1>
      <p className="muted">{t('members.rolesHint')}</p>
      <ErrorNotice error={setRole.error ?? remove.error} />
      <Query q={members}>
        {(list) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('members.user')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.since')}</th>
                <th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <tr key={m.userId}>
                  <td>
                    <UserText>{m.displayName}</UserText>{' '}
                    <span className="muted">
                      (<bdi>{m.username}</bdi>)
                    </span>
                  </td>
                  <td>
                    <label>
                      <span className="sr-only">{t('members.roleOf', { user: m.username })}</span>
                      <select
                        value={m.role}
                        onChange={(e) =>
                          setRole.mutate({ username: m.username, role: e.target.value as Role })
                        }
                        disabled={setRole.isPending}
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`roles.${r}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                  </td>
                  <td>
                    <InstantText at={m.since} caseZone={c.timeZone} />
                  </td>
                  <td>
                    {m.username !== me.data?.username ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          if (window.confirm(t('members.confirmRemove', { user: m.username })))
                            remove.mutate(m.username);
                        }}
                      >
                        {t('members.remove')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Query>
      <AddMember />
    </div>
  );
}

function AddMember() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const errors = useFormErrors();
  const add = useWrite(
    (b: { username: string; role: Role }) =>
      ok(api.POST('/api/cases/{caseId}/members', { params: { path: { caseId: c.slug } }, body: b })),
    () => [['case', c.slug, 'members']],
    () => setUsername(''),
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!errors.check({ '/username': !USERNAME.test(username.trim()) && t('members.badUsername') })) return;
    add.mutate({ username: username.trim(), role }, { onError: (err) => errors.fromServer(err) });
  }
  return (
    <form onSubmit={submit} noValidate className="card">
      <h2>{t('members.add')}</h2>
      <ErrorNotice error={errors.general(['/username', '/role'])} />
      <div className="row">
        <Field label={t('members.user')} error={errors.for('/username')} required>
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
        <Field label={t('members.role')} error={errors.for('/role')}>
          {(a) => (
            <select {...a} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={add.isPending}>
        {t('members.addSubmit')}
      </button>
    </form>
  );
}

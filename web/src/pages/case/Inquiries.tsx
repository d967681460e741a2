import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import {
  addInquiry,
  finishTask,
  useInquiries,
  useRegistryTasks,
  type InquirySummary,
  type RegistryTask,
} from '../../api/registry';
import { useCurrentCase } from '../../components/case-context';
import { draftBody, draftProblems, emptyDraft, InquiryFields } from '../../components/inquiry-form';
import { Badge, Empty, ErrorNotice, Query, useFormErrors, useLocale, useTitle } from '../../components/ui';
import { formatNumber, relativeTime } from '../../lib/format';
import { BothNames } from './Persons';

/**
 * Families' inquiries: the tasks they made (families to contact), the inquiries with the
 * suggestions that wait for a caseworker, and recording a new one. No contact detail is ever on
 * this page: it is shown on an inquiry's own page, on a recorded request.
 */
export default function InquiriesPage() {
  const { t } = useTranslation();
  useTitle(t('inquiries.title'));
  const c = useCurrentCase();
  const [status, setStatus] = useState<'open' | 'closed' | null>('open');
  const list = useInquiries(c.slug, status);
  const tasks = useRegistryTasks(c.slug);
  return (
    <div className="page">
      <p className="small">
        <Link href="/persons">{t('persons.back')}</Link>
      </p>
      <h1>{t('inquiries.title')}</h1>
      <p className="muted small">{t('inquiries.privacy')}</p>
      <section aria-labelledby="tasks-h">
        <h2 id="tasks-h">{t('inquiries.tasks.title')}</h2>
        <Query q={tasks}>
          {(r) =>
            r.tasks.length === 0 ? (
              <Empty>{t('inquiries.tasks.none')}</Empty>
            ) : (
              <ul className="plain inquiry-tasks">
                {r.tasks.map((x) => (
                  <Task key={x.id} task={x} />
                ))}
              </ul>
            )
          }
        </Query>
      </section>
      <section aria-labelledby="inquiries-h">
        <h2 id="inquiries-h">{t('inquiries.list')}</h2>
        <p className="row">
          <label className="row">
            {t('inquiries.filter')}{' '}
            <select
              value={status ?? ''}
              onChange={(e) =>
                setStatus(e.target.value === '' ? null : (e.target.value as 'open' | 'closed'))
              }
            >
              <option value="open">{t('inquiries.show.open')}</option>
              <option value="closed">{t('inquiries.show.closed')}</option>
              <option value="">{t('inquiries.show.all')}</option>
            </select>
          </label>
        </p>
        <Query q={list}>
          {(r) =>
            r.inquiries.length === 0 ? (
              <Empty>{t('inquiries.none')}</Empty>
            ) : (
              <ul className="plain inquiry-list">
                {r.inquiries.map((i) => (
                  <Row key={i.id} i={i} />
                ))}
              </ul>
            )
          }
        </Query>
      </section>
      <NewInquiry />
    </div>
  );
}

function Row({ i }: { i: InquirySummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li className="card inquiry-row">
      <p className="row wrap">
        <Link href={`/persons/inquiries/${i.id}`} className="person-link">
          <BothNames names={i.names} />
        </Link>
        {i.suggested > 0 ? (
          <Badge kind="pending">
            {t('inquiries.waiting', { count: i.suggested, n: formatNumber(locale, i.suggested) })}
          </Badge>
        ) : null}
        {i.confirmed > 0 ? <Badge kind="match-confirmed">{t('inquiries.confirmedBadge')}</Badge> : null}
        {i.status === 'closed' ? <Badge kind="muted">{t('inquiries.closedBadge')}</Badge> : null}
        {i.channel === 'public' ? <Badge kind="role">{t('inquiries.publicBadge')}</Badge> : null}
        {i.isDemo ? <Badge kind="demo">{t('common.demo')}</Badge> : null}
      </p>
      <p className="small muted">
        {t('inquiries.filedBy', { relation: i.relation })} · {relativeTime(locale, i.createdAt)}
      </p>
    </li>
  );
}

function Task({ task }: { task: RegistryTask }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const done = async () => {
    setError(null);
    try {
      await finishTask(c.slug, task.id);
      await qc.invalidateQueries({ queryKey: ['case', c.slug, 'inquiries'] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li className="card inquiry-task">
      <p className="row wrap">
        <span>{t(`inquiries.tasks.reason.${task.reason}`)}</span>
        <Link href={`/persons/inquiries/${task.inquiryId}`}>{t('inquiries.tasks.open')}</Link>
        <button type="button" onClick={() => void done()}>
          {t('inquiries.tasks.done')}
        </button>
      </p>
      {error ? <ErrorNotice error={error} /> : null}
    </li>
  );
}

function NewInquiry() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState(emptyDraft);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!errors.check(draftProblems(t, draft))) return;
    setBusy(true);
    try {
      const made = await addInquiry(c.slug, draftBody(draft));
      await qc.invalidateQueries({ queryKey: ['case', c.slug, 'inquiries'] });
      navigate(`/persons/inquiries/${made.id}`);
    } catch (err) {
      errors.fromServer(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="card new-inquiry">
      <summary>
        <h2>{t('inquiries.new')}</h2>
      </summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorNotice
          error={errors.general([
            '/names',
            '/bornFrom',
            '/relation',
            '/contact',
            '/consent',
            '/lastSeen',
            '/details',
            '/birthplace',
          ])}
        />
        <InquiryFields draft={draft} onChange={setDraft} errors={errors} forFamily={false} />
        <p className="small muted">{t('inquiries.form.matchedAtOnce')}</p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('inquiries.form.saving') : t('inquiries.form.save')}
        </button>
      </form>
    </details>
  );
}

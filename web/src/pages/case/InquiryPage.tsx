import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../../api/client';
import {
  closeInquiry,
  decideInquiry,
  eraseContact,
  finishTask,
  revealContact,
  spelling,
  useInquiry,
  type Contact,
  type Inquiry,
  type InquiryMatch,
} from '../../api/registry';
import { useCurrentCase } from '../../components/case-context';
import { Badge, ErrorNotice, Field, Loading, UserText, useLocale, useTitle } from '../../components/ui';
import { relativeTime } from '../../lib/format';
import { BothNames, StatusBadge, YearRange } from './Persons';

/**
 * One family's inquiry: whom they seek, the suggestions the name engine made (side by side with
 * what the family said, to confirm or reject), the tasks, and — only on a request that names its
 * reason, recorded — how to reach the family. Nothing here is ever sent to the family by athar.
 */
export default function InquiryPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const locale = useLocale();
  const q = useInquiry(c.slug, id);
  useTitle(t('inquiries.one'));
  if (q.isPending) return <Loading />;
  if (q.error)
    return (
      <div className="page narrow">
        <h1>
          {q.error instanceof ApiError && q.error.status === 404
            ? t('inquiries.notFound')
            : t('inquiries.one')}
        </h1>
        <ErrorNotice error={q.error} />
      </div>
    );
  const i = q.data;
  const decidedFor = i.matches.find((m) => m.state === 'confirmed')?.personId ?? null;
  return (
    <div className="page">
      <p className="small">
        <Link href="/persons/inquiries">{t('inquiries.back')}</Link>
      </p>
      <h1>
        <BothNames names={i.names} />
      </h1>
      <p className="row wrap">
        {i.status === 'closed' ? <Badge kind="muted">{t('inquiries.closedBadge')}</Badge> : null}
        {i.channel === 'public' ? <Badge kind="role">{t('inquiries.publicBadge')}</Badge> : null}
        {i.isDemo ? <Badge kind="demo">{t('common.demo')}</Badge> : null}
        <span className="small muted">
          {t('inquiries.filedBy', { relation: i.relation })} · {relativeTime(locale, i.createdAt)}
          {i.channel === 'desk' ? ` · ${t('inquiries.recordedBy', { who: i.createdBy })}` : ''}
        </span>
      </p>
      <dl className="inquiry-facts">
        <div>
          <dt>{t('persons.born')}</dt>
          <dd>
            <YearRange from={i.bornFrom} to={i.bornTo} />
          </dd>
        </div>
        {i.birthplace ? (
          <div>
            <dt>{t('persons.birthplace')}</dt>
            <dd>
              <UserText>{i.birthplace}</UserText>
            </dd>
          </div>
        ) : null}
        {i.lastSeen ? (
          <div>
            <dt>{t('inquiries.form.lastSeen')}</dt>
            <dd>
              <UserText>{i.lastSeen}</UserText>
            </dd>
          </div>
        ) : null}
        {i.details ? (
          <div>
            <dt>{t('inquiries.form.details')}</dt>
            <dd>
              <UserText>{i.details}</UserText>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('inquiries.consentGiven')}</dt>
          <dd>{t(i.consent.share ? 'inquiries.consentShare' : 'inquiries.consentOnly')}</dd>
        </div>
      </dl>

      <section aria-labelledby="matches-h">
        <h2 id="matches-h">{t('inquiries.matches.title')}</h2>
        <p className="small muted">{t('inquiries.matches.note')}</p>
        {i.matches.length === 0 ? (
          <p className="empty">{t('inquiries.matches.none')}</p>
        ) : (
          <ul className="plain inquiry-matches">
            {i.matches.map((m) => (
              <Match
                key={m.personId}
                inquiry={i}
                m={m}
                confirmedOther={decidedFor !== null && decidedFor !== m.personId}
              />
            ))}
          </ul>
        )}
      </section>

      {i.tasks.length > 0 ? (
        <section aria-labelledby="itasks-h">
          <h2 id="itasks-h">{t('inquiries.tasks.title')}</h2>
          <ul className="plain">
            {i.tasks.map((task) => (
              <li key={task.id} className="row wrap">
                <span>{t(`inquiries.tasks.reason.${task.reason}`)}</span>
                {task.state === 'done' ? (
                  <Badge kind="match-confirmed">
                    {t('inquiries.tasks.doneBy', { who: task.doneBy ?? '' })}
                  </Badge>
                ) : (
                  <TaskDone caseSlug={c.slug} id={task.id} />
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ContactPanel inquiry={i} />
      {i.status === 'open' ? (
        <CloseForm inquiry={i} />
      ) : (
        <p className="small muted">{t('inquiries.closedOn', { when: relativeTime(locale, i.closedAt!) })}</p>
      )}
    </div>
  );
}

function Side({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="inquiry-side">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

function Match({
  inquiry,
  m,
  confirmedOther,
}: {
  inquiry: Inquiry;
  m: InquiryMatch;
  confirmedOther: boolean;
}) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sought = inquiry.names.ar ?? inquiry.names.lat;
  const soughtMother = sought?.motherGiven ?? null;
  const decide = async (decision: 'confirm' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      const next = await decideInquiry(c.slug, inquiry.id, m.personId, decision);
      qc.setQueryData(['case', c.slug, 'inquiries', 'one', inquiry.id], next);
      await qc.invalidateQueries({ queryKey: ['case', c.slug, 'inquiries', 'list'] });
      await qc.invalidateQueries({ queryKey: ['case', c.slug, 'inquiries', 'tasks'] });
      await qc.invalidateQueries({ queryKey: ['case', c.slug, 'persons'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="card inquiry-match">
      <div className="inquiry-compare">
        <Side title={t('inquiries.matches.sought')}>
          <p>
            <UserText>
              {[spelling(inquiry.names.ar), spelling(inquiry.names.lat)].filter(Boolean).join(' / ')}
            </UserText>
          </p>
          <p className="small">
            {t('persons.mother')}:{' '}
            {soughtMother ? <UserText>{soughtMother}</UserText> : t('persons.notKnown')} · {t('persons.born')}
            : <YearRange from={inquiry.bornFrom} to={inquiry.bornTo} />
          </p>
        </Side>
        <Side title={t('inquiries.matches.record')}>
          <p className="row wrap">
            <Link href={`/persons/${m.personId}`} className="person-link">
              <BothNames names={m.names} />
            </Link>
            <StatusBadge status={m.status} />
          </p>
          <p className="small">
            {t('persons.father')}: {m.father ? <UserText>{m.father}</UserText> : t('persons.notKnown')} ·{' '}
            {t('persons.mother')}: {m.mother ? <UserText>{m.mother}</UserText> : t('persons.notKnown')} ·{' '}
            {t('persons.born')}: <YearRange from={m.birthYears.from} to={m.birthYears.to} />
          </p>
        </Side>
      </div>
      <p className="small">
        <span className="score" title={t('persons.scoreNote')}>
          {t('persons.score', { score: Math.round(m.score * 100) })}
        </span>{' '}
        <span className="muted">
          {m.explanation
            .filter((e) => e.effect !== 'neutral')
            .map((e) => t(`persons.explain.${e.effect}`, { field: t(`persons.field.${e.field}`) }))
            .join(' · ')}
        </span>
      </p>
      {m.state !== 'suggested' ? (
        <p>
          <Badge kind={m.state === 'confirmed' ? 'match-confirmed' : 'match-rejected'}>
            {t(`inquiries.matches.state.${m.state}`, { who: m.decidedBy ?? '' })}
          </Badge>
        </p>
      ) : (
        <p className="row">
          <button
            type="button"
            className="primary"
            disabled={busy || confirmedOther}
            onClick={() => void decide('confirm')}
          >
            {t('inquiries.matches.confirm')}
          </button>
          <button type="button" disabled={busy} onClick={() => void decide('reject')}>
            {t('inquiries.matches.reject')}
          </button>
        </p>
      )}
      {m.state === 'suggested' ? <p className="small muted">{t('inquiries.matches.confirmNote')}</p> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </li>
  );
}

function TaskDone({ caseSlug, id }: { caseSlug: string; id: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        onClick={() =>
          void finishTask(caseSlug, id)
            .then(() => qc.invalidateQueries({ queryKey: ['case', caseSlug, 'inquiries'] }))
            .catch(setError)
        }
      >
        {t('inquiries.tasks.done')}
      </button>
      {error ? <ErrorNotice error={error} /> : null}
    </>
  );
}

function ContactPanel({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const state = inquiry.contact.state;
  const show = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setProblem(t('inquiries.contact.reasonMissing'));
      return;
    }
    setProblem(null);
    setError(null);
    try {
      const r = await revealContact(c.slug, inquiry.id, reason.trim());
      setContact(r.contact ?? null);
    } catch (err) {
      setError(err);
    }
  };
  const erase = async () => {
    if (!window.confirm(t('inquiries.contact.eraseConfirm'))) return;
    try {
      const next = await eraseContact(c.slug, inquiry.id);
      setContact(null);
      qc.setQueryData(['case', c.slug, 'inquiries', 'one', inquiry.id], next);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="contact-h" className="card inquiry-contact">
      <h2 id="contact-h">{t('inquiries.contact.title')}</h2>
      {state !== 'sealed' ? (
        <p>{t(`inquiries.contact.state.${state}`)}</p>
      ) : contact ? (
        <>
          <dl className="inquiry-facts">
            {(['name', 'phone', 'email', 'notes'] as const).map((k) =>
              contact[k] ? (
                <div key={k}>
                  <dt>{t(`inquiries.contact.${k}`)}</dt>
                  <dd>
                    <UserText>{contact[k]}</UserText>
                  </dd>
                </div>
              ) : null,
            )}
          </dl>
          <p className="small muted">{t('inquiries.contact.shownNote')}</p>
          <button type="button" onClick={() => setContact(null)}>
            {t('inquiries.contact.hide')}
          </button>
        </>
      ) : (
        <form onSubmit={(e) => void show(e)} noValidate>
          <p className="small muted">{t('inquiries.contact.sealedNote')}</p>
          <Field label={t('inquiries.contact.reason')} error={problem ?? undefined} required>
            {(a) => <input {...a} dir="auto" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit">{t('inquiries.contact.show')}</button>
        </form>
      )}
      {state === 'sealed' && c.role === 'admin' ? (
        <p>
          <button type="button" className="danger" onClick={() => void erase()}>
            {t('inquiries.contact.erase')}
          </button>
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

function CloseForm({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setProblem(t('inquiries.close.reasonMissing'));
      return;
    }
    setProblem(null);
    try {
      const next = await closeInquiry(c.slug, inquiry.id, reason.trim());
      qc.setQueryData(['case', c.slug, 'inquiries', 'one', inquiry.id], next);
      await qc.invalidateQueries({ queryKey: ['case', c.slug, 'inquiries', 'list'] });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="card">
      <summary>{t('inquiries.close.title')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="small muted">{t('inquiries.close.note')}</p>
        <Field label={t('inquiries.close.reason')} error={problem ?? undefined} required>
          {(a) => <input {...a} dir="auto" value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit">{t('inquiries.close.submit')}</button>
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </details>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { ApiError } from '../../api/client';
import {
  decideLine,
  useReleaseList,
  type ReleaseCandidate,
  type ReleaseLine,
  type ReleaseList,
} from '../../api/registry';
import { useCurrentCase } from '../../components/case-context';
import { Badge, ErrorNotice, Loading, UserText, useLocale, useTitle } from '../../components/ui';
import { formatNumber, showPartialDate } from '../../lib/format';
import { BothNames, StatusBadge, YearRange } from './Persons';

/**
 * The review of one release list: each line as the list wrote it, with its candidates from the
 * registry (score, parents, birth years, status). Confirming a candidate adds the list's event to
 * that person; rejecting is remembered. Nothing is decided without a caseworker. Opening the
 * review is recorded (it shows persons).
 */
export default function ReleaseListPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const locale = useLocale();
  const q = useReleaseList(c.slug, id);
  const [onlyOpen, setOnlyOpen] = useState(true);
  // Lines decided on this visit stay in view (with their decision) until the page is left.
  const [touched, setTouched] = useState<ReadonlySet<number>>(new Set());
  useTitle(q.data?.title ?? t('persons.lists.title'));
  if (q.isPending) return <Loading />;
  if (q.error)
    return (
      <div className="page narrow">
        <h1>
          {q.error instanceof ApiError && q.error.status === 404
            ? t('persons.lists.notFound')
            : t('persons.lists.title')}
        </h1>
        <ErrorNotice error={q.error} />
      </div>
    );
  const list = q.data;
  const open = (l: ReleaseLine) =>
    l.candidates.length > 0 &&
    !l.candidates.some((x) => x.decision === 'confirmed') &&
    l.candidates.some((x) => !x.decision);
  // A line an open inquiry may answer stays in view too: a family seeks that name.
  const shown = onlyOpen
    ? list.lines.filter((l) => open(l) || touched.has(l.line) || l.inquiries.length > 0)
    : list.lines;
  const waiting = list.lines.filter(open).length;
  return (
    <div className="page">
      <p className="small">
        <Link href="/persons/lists">{t('persons.lists.back')}</Link>
      </p>
      <h1>
        <UserText>{list.title}</UserText>
      </h1>
      <p className="muted">
        {t(`persons.lists.kinds.${list.eventKind}`)}
        {list.date ? ` · ${showPartialDate(locale, list.date)}` : ''} ·{' '}
        {t('persons.lists.lineCount', {
          count: list.lines.length,
          n: formatNumber(locale, list.lines.length),
        })}{' '}
        · {t('persons.lists.waiting', { count: waiting, n: formatNumber(locale, waiting) })}
      </p>
      <p className="small muted">
        {t('persons.lists.decideNote', { kind: t(`persons.lists.kinds.${list.eventKind}`) })}
      </p>
      <p>
        <label className="row">
          <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />{' '}
          {t('persons.lists.onlyOpen')}
        </label>
      </p>
      <ol className="plain release-lines">
        {shown.map((l) => (
          <Line
            key={l.line}
            list={list}
            line={l}
            onDecided={() => setTouched(new Set([...touched, l.line]))}
          />
        ))}
      </ol>
      {shown.length === 0 ? <p className="empty">{t('persons.lists.nothingOpen')}</p> : null}
    </div>
  );
}

function Line({ list, line, onDecided }: { list: ReleaseList; line: ReleaseLine; onDecided: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li className="card release-line">
      <p className="row wrap">
        <span className="muted small">
          {t('persons.lists.line', { n: formatNumber(locale, line.line, { useGrouping: false }) })}
        </span>
        <UserText className="line-text">{line.text}</UserText>
      </p>
      {line.problem ? <p className="small warning-text">{t('persons.lists.unreadable')}</p> : null}
      {line.candidates.length === 0 && !line.problem ? (
        <p className="small muted">{t('persons.lists.noCandidate')}</p>
      ) : null}
      {line.inquiries.length > 0 ? (
        <p className="small inquiry-hint">
          {t('persons.lists.inquiries', { count: line.inquiries.length })}{' '}
          {line.inquiries.map((q, k) => (
            <span key={q.inquiryId}>
              {k > 0 ? ' · ' : ''}
              <Link href={`/persons/inquiries/${q.inquiryId}`}>
                {t('persons.lists.inquiryBy', { relation: q.relation })}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      <ul className="plain candidates">
        {line.candidates.map((x) => (
          <Candidate key={x.personId} list={list} line={line} c={x} onDecided={onDecided} />
        ))}
      </ul>
    </li>
  );
}

function Candidate({
  list,
  line,
  c,
  onDecided,
}: {
  list: ReleaseList;
  line: ReleaseLine;
  c: ReleaseCandidate;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const cs = useCurrentCase();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const confirmedOther = line.candidates.some((x) => x.decision === 'confirmed' && x.personId !== c.personId);
  const decide = async (decision: 'confirm' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      const next = await decideLine(cs.slug, list.id, line.line, c.personId, decision);
      onDecided();
      qc.setQueryData(['case', cs.slug, 'release-lists', list.id], next);
      await qc.invalidateQueries({ queryKey: ['case', cs.slug, 'persons'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="candidate">
      <p className="row wrap">
        <Link href={`/persons/${c.personId}`} className="person-link">
          <BothNames names={c.names} />
        </Link>
        <StatusBadge status={c.status} />
        <span className="score">{t('persons.score', { score: Math.round(c.score * 100) })}</span>
      </p>
      <p className="small">
        {t('persons.father')}: {c.father ? <UserText>{c.father}</UserText> : t('persons.notKnown')} ·{' '}
        {t('persons.mother')}: {c.mother ? <UserText>{c.mother}</UserText> : t('persons.notKnown')} ·{' '}
        {t('persons.born')}: <YearRange from={c.birthYears.from} to={c.birthYears.to} />
      </p>
      {c.decision ? (
        <p>
          <Badge kind={c.decision === 'confirmed' ? 'decides' : 'conflict'}>
            {t(`persons.lists.decided.${c.decision}`)}
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
            {t('persons.lists.confirm')}
          </button>
          <button type="button" disabled={busy} onClick={() => void decide('reject')}>
            {t('persons.lists.reject')}
          </button>
        </p>
      )}
      {error ? <ErrorNotice error={error} /> : null}
    </li>
  );
}

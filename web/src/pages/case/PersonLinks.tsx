import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import {
  linkPerson,
  unlinkPerson,
  usePersonLinks,
  type Certainty,
  type LinkKind,
  type PersonLinks,
} from '../../api/registry';
import { useCurrentCase } from '../../components/case-context';
import { Badge, ErrorNotice, Query, UserText, useLocale } from '../../components/ui';
import { showPartialDate } from '../../lib/format';
import { BothNames, StatusBadge, YearRange } from './Persons';

const KINDS: LinkKind[] = ['same_person', 'possible_duplicate', 'distinct'];
const CERTAINTIES: Certainty[] = ['reported', 'believed', 'confirmed'];

type Summary = PersonLinks['suggestions'][number] | PersonLinks['links'][number];

function Parents({ s }: { s: Summary }) {
  const { t } = useTranslation();
  const y = s.birthYears;
  return (
    <p className="small">
      {t('persons.father')}: {s.father ? <UserText>{s.father}</UserText> : t('persons.notKnown')} ·{' '}
      {t('persons.mother')}: {s.mother ? <UserText>{s.mother}</UserText> : t('persons.notKnown')} ·{' '}
      {t('persons.born')}: <YearRange from={y.from} to={y.to} />
    </p>
  );
}

/**
 * A person's links: the combined view of the records linked as "same person" (every spelling,
 * every event with the record it came from, the status from all of them), the links themselves
 * (unlink), and the records that may be the same person, to link as same person, possible
 * duplicate or different people. Records are never merged.
 */
export function PersonLinksPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const q = usePersonLinks(c.slug, id);
  return (
    <section aria-labelledby="links-h">
      <h2 id="links-h">{t('persons.links.title')}</h2>
      <Query q={q}>{(l) => <Body id={id} l={l} />}</Query>
    </section>
  );
}

function Body({ id, l }: { id: string; l: PersonLinks }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const c = useCurrentCase();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const set = (next: PersonLinks) => {
    qc.setQueryData(['case', c.slug, 'persons', 'links', id], next);
    void qc.invalidateQueries({ queryKey: ['case', c.slug, 'persons', 'links'] });
  };
  const unlink = async (otherId: string) => {
    setError(null);
    try {
      set(await unlinkPerson(c.slug, id, otherId));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      {error ? <ErrorNotice error={error} /> : null}
      {l.combined ? (
        <div className="card person-combined">
          <h3>{t('persons.links.combined', { count: l.combined.personIds.length })}</h3>
          <p className="row wrap">
            {t('persons.links.combinedStatus')} <StatusBadge status={l.combined.status.status} />
            {l.combined.status.since ? (
              <span className="small">{showPartialDate(locale, l.combined.status.since)}</span>
            ) : null}
          </p>
          <ul className="plain small">
            {l.combined.spellings.map((s) => (
              <li key={s.personId}>
                <Link href={`/persons/${s.personId}`} className="person-link">
                  <BothNames names={s.names} />
                </Link>
                {s.aliases.length > 0 ? (
                  <>
                    {' · '}
                    <UserText>{s.aliases.join(', ')}</UserText>
                  </>
                ) : null}
                {s.personId === id ? <span className="muted"> ({t('persons.links.thisRecord')})</span> : null}
              </li>
            ))}
          </ul>
          <ol className="plain combined-events small">
            {l.combined.events.map((e) => (
              <li key={e.id}>
                <strong>{t(`persons.event.${e.kind}`)}</strong> ·{' '}
                {e.date ? showPartialDate(locale, e.date) : t('persons.undated')} ·{' '}
                {t(`persons.certainty.${e.certainty}`)}
                {e.personId !== id ? (
                  <>
                    {' · '}
                    <Link href={`/persons/${e.personId}`}>{t('persons.links.fromOther')}</Link>
                  </>
                ) : null}
                {l.combined!.status.eventId === e.id ? (
                  <>
                    {' '}
                    <Badge kind="decides">{t('persons.decides')}</Badge>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
          {l.combined.cut ? <p className="small warning-text">{t('persons.links.cut')}</p> : null}
        </div>
      ) : null}
      {l.links.length === 0 ? (
        <p className="small muted">{t('persons.links.none')}</p>
      ) : (
        <ul className="plain person-links">
          {l.links.map((x) => (
            <li key={x.id} className="card">
              <p className="row wrap">
                <Badge kind={`link-${x.kind}`}>{t(`persons.links.kind.${x.kind}`)}</Badge>
                <Link href={`/persons/${x.personId}`} className="person-link">
                  <BothNames names={x.names} />
                </Link>
                <StatusBadge status={x.status} />
                <span className="small muted">
                  {t(`persons.certainty.${x.certainty}`)} · {t('persons.recordedBy', { who: x.createdBy })}
                </span>
                <button type="button" onClick={() => void unlink(x.personId)}>
                  {t('persons.links.unlink')}
                </button>
              </p>
              <Parents s={x} />
              {x.note ? (
                <p className="small">
                  <UserText>{x.note}</UserText>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {l.suggestions.length > 0 ? (
        <>
          <h3>{t('persons.links.suggested')}</h3>
          <p className="small muted">{t('persons.links.suggestedNote')}</p>
          <ul className="plain person-links">
            {l.suggestions.map((s) => (
              <Suggestion key={s.personId} id={id} s={s} onLinked={set} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function Suggestion({
  id,
  s,
  onLinked,
}: {
  id: string;
  s: PersonLinks['suggestions'][number];
  onLinked: (l: PersonLinks) => void;
}) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const [kind, setKind] = useState<LinkKind>('same_person');
  const [certainty, setCertainty] = useState<Certainty>('believed');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const link = async () => {
    setBusy(true);
    setError(null);
    try {
      onLinked(await linkPerson(c.slug, id, { personId: s.personId, kind, certainty }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="card person-suggestion">
      <p className="row wrap">
        <Link href={`/persons/${s.personId}`} className="person-link">
          <BothNames names={s.names} />
        </Link>
        <StatusBadge status={s.status} />
        <span className="score" title={t('persons.scoreNote')}>
          {t('persons.score', { score: Math.round(s.score * 100) })}
        </span>
      </p>
      <Parents s={s} />
      <p className="small muted">
        {s.explanation
          .filter((e) => e.effect !== 'neutral')
          .map((e) => t(`persons.explain.${e.effect}`, { field: t(`persons.field.${e.field}`) }))
          .join(' · ')}
      </p>
      <p className="row wrap">
        <label className="row">
          {t('persons.links.as')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as LinkKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`persons.links.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="row">
          {t('persons.links.certainty')}{' '}
          <select value={certainty} onChange={(e) => setCertainty(e.target.value as Certainty)}>
            {CERTAINTIES.map((k) => (
              <option key={k} value={k}>
                {t(`persons.certainty.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={busy} onClick={() => void link()}>
          {t('persons.links.link')}
        </button>
      </p>
      {error ? <ErrorNotice error={error} /> : null}
    </li>
  );
}

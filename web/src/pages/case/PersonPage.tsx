import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../../api/client';
import { placeLabel, usePlaces } from '../../api/case-data';
import { spelling, usePerson, type NameParts, type PersonDetail, type PersonEvent } from '../../api/registry';
import { useCurrentCase } from '../../components/case-context';
import { Badge, ErrorNotice, Loading, UserText, useLocale, useTitle } from '../../components/ui';
import { showPartialDate } from '../../lib/format';
import { usePrefs } from '../../lib/prefs';
import { BirthYears, StatusBadge } from './Persons';
import { PersonLinksPanel } from './PersonLinks';

const PARTS: (keyof NameParts)[] = [
  'given',
  'father',
  'grandfather',
  'family',
  'motherGiven',
  'motherFamily',
];

/**
 * One person: the names by part in both scripts, the status the events give (and the events that
 * contradict it), birth, and the events in the order the status rule reads them, each with its
 * certainty, place, source and evidence — a sighting opens the video at its second. Opening this
 * page is recorded on the audit trail.
 */
export default function PersonPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const q = usePerson(c.slug, id);
  const locale = useLocale();
  const title = q.data ? spelling(q.data.names.ar) || spelling(q.data.names.lat) : t('persons.person');
  useTitle(title);
  if (q.isPending) return <Loading />;
  if (q.error)
    return (
      <div className="page narrow">
        <h1>
          {q.error instanceof ApiError && q.error.status === 404
            ? t('persons.notFound')
            : t('persons.person')}
        </h1>
        <ErrorNotice error={q.error} />
      </div>
    );
  const p = q.data;
  return (
    <div className="page">
      <p className="small">
        <Link href="/persons">{t('persons.back')}</Link>
      </p>
      <h1 className="person-title">
        {p.names.ar ? (
          <UserText lang="ar" className="name-ar">
            {spelling(p.names.ar)}
          </UserText>
        ) : null}
        {p.names.lat ? <UserText className="name-lat">{spelling(p.names.lat)}</UserText> : null}
      </h1>
      <p className="row wrap">
        <StatusBadge status={p.status.status} />
        {p.status.since ? (
          <span>{t('persons.since', { date: showPartialDate(locale, p.status.since) })}</span>
        ) : null}
        {p.isDemo ? <Badge kind="demo">{t('common.demo')}</Badge> : null}
      </p>
      {p.status.conflicts.length > 0 ? (
        <p className="notice warning" role="note">
          {t('persons.conflicts')}
        </p>
      ) : null}
      <p className="small muted">{t('persons.openedNote')}</p>
      <div className="two-col">
        <section aria-labelledby="names-h" className="card">
          <h2 id="names-h">{t('persons.names')}</h2>
          <table className="names-table">
            <thead>
              <tr>
                <th scope="col">{t('persons.part')}</th>
                <th scope="col">{t('persons.arabicScript')}</th>
                <th scope="col">{t('persons.latinLetters')}</th>
              </tr>
            </thead>
            <tbody>
              {PARTS.filter((k) => p.names.ar?.[k] || p.names.lat?.[k]).map((k) => (
                <tr key={k}>
                  <th scope="row">{t(`persons.parts.${k}`)}</th>
                  <td>
                    <UserText lang="ar">{p.names.ar?.[k]}</UserText>
                  </td>
                  <td>
                    <UserText>{p.names.lat?.[k]}</UserText>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.aliases.length > 0 ? (
            <p>
              {t('persons.aliases')}{' '}
              {p.aliases.map((a, i) => (
                <span key={i}>
                  {i > 0 ? ' · ' : ''}
                  <UserText>{a.name}</UserText> ({t(`persons.aliasKind.${a.kind}`)})
                </span>
              ))}
            </p>
          ) : null}
        </section>
        <section aria-labelledby="facts-h" className="card">
          <h2 id="facts-h">{t('persons.facts')}</h2>
          <Facts p={p} />
        </section>
      </div>
      <section aria-labelledby="events-h">
        <h2 id="events-h">{t('persons.events')}</h2>
        {p.events.length === 0 ? (
          <p className="empty">{t('persons.noEvents')}</p>
        ) : (
          <ol className="plain person-events">
            {p.events.map((e) => (
              <Event
                key={e.id}
                e={e}
                conflict={p.status.conflicts.includes(e.id)}
                decides={p.status.eventId === e.id}
              />
            ))}
          </ol>
        )}
        <p className="small muted">{t('persons.statusRule')}</p>
      </section>
      <PersonLinksPanel id={p.id} />
    </div>
  );
}

function Facts({ p }: { p: PersonDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <dl className="facts">
      <div>
        <dt>{t('persons.sex')}</dt>
        <dd>{t(`persons.sexes.${p.sex}`)}</dd>
      </div>
      <div>
        <dt>{t('persons.born')}</dt>
        <dd>
          {p.birth.date ? showPartialDate(locale, p.birth.date) : <BirthYears birth={p.birth} />}
          {p.birth.ageFrom !== null ? (
            <span className="muted">
              {' '}
              (
              {t('persons.ageAt', {
                from: p.birth.ageFrom,
                to: p.birth.ageTo,
                date: p.birth.ageAsOf ? showPartialDate(locale, p.birth.ageAsOf) : '',
              })}
              )
            </span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t('persons.birthplace')}</dt>
        <dd>{p.birthplace ? <UserText>{p.birthplace}</UserText> : t('persons.notKnown')}</dd>
      </div>
      {p.externalId ? (
        <div>
          <dt>{t('persons.externalId')}</dt>
          <dd>
            <UserText>{p.externalId}</UserText>
          </dd>
        </div>
      ) : null}
      {p.description ? (
        <div>
          <dt>{t('persons.description')}</dt>
          <dd>
            <UserText>{p.description}</UserText>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function Event({ e, conflict, decides }: { e: PersonEvent; conflict: boolean; decides: boolean }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const { language } = usePrefs();
  const locale = useLocale();
  const places = usePlaces(c.slug);
  const place = e.placeId ? (places.data ?? []).find((x) => x.id === e.placeId) : undefined;
  return (
    <li className={`card person-event${conflict ? ' conflict' : ''}`}>
      <p className="row wrap">
        <strong>{t(`persons.event.${e.kind}`)}</strong>
        <span>{e.date ? showPartialDate(locale, e.date) : t('persons.undated')}</span>
        <Badge kind={`certainty-${e.certainty}`}>{t(`persons.certainty.${e.certainty}`)}</Badge>
        {decides ? <Badge kind="decides">{t('persons.decides')}</Badge> : null}
        {conflict ? <Badge kind="conflict">{t('persons.conflict')}</Badge> : null}
      </p>
      {place ? (
        <p className="small">
          {t('persons.at')} <Link href={`/places?place=${place.id}`}>{placeLabel(place, language)}</Link>
        </p>
      ) : null}
      {e.source ? (
        <p className="small">
          {t('persons.source')} <UserText>{e.source}</UserText>
        </p>
      ) : null}
      {e.notes ? (
        <p className="small">
          <UserText>{e.notes}</UserText>
        </p>
      ) : null}
      {e.evidence.length > 0 ? (
        <ul className="small evidence-list">
          {e.evidence.map((x, i) => (
            <li key={i}>
              {x.kind === 'media' ? (
                <Link href={`/media/${x.id}${x.fromS !== undefined ? `?t=${x.fromS}` : ''}`}>
                  {x.fromS !== undefined
                    ? t('persons.evidenceVideoAt', { from: x.fromS, to: x.toS ?? x.fromS })
                    : t('persons.evidenceMedia')}
                </Link>
              ) : x.kind === 'statement' ? (
                <Link href={`/statements/${x.id}`}>{t('persons.evidenceStatement')}</Link>
              ) : (
                <>
                  {t('persons.evidenceDocument')} <UserText>{x.description}</UserText>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="small muted">{t('persons.recordedBy', { who: e.recordedBy })}</p>
    </li>
  );
}

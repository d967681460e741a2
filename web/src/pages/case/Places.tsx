import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { api, ok } from '../../api/client';
import { placeLabel, usePlaces, useSources, useSweeps } from '../../api/case-data';
import { useWrite } from '../../api/hooks';
import type { Place, Sweep, SweepResult } from '../../api/types';
import { useCaseRights, useCurrentCase } from '../../components/case-context';
import { PlaceMap } from '../../components/place-map';
import {
  Badge,
  Empty,
  ErrorNotice,
  Field,
  Num,
  Query,
  UserText,
  SaveCancel,
  useFormErrors,
  useTitle,
  useLocale,
} from '../../components/ui';
import { formatNumber } from '../../lib/format';
import { WhenText } from '../../components/when';
import { emptyWhen, toWhenInput, WhenField, whenProblem } from '../../components/when-input';
import { coverageTree, flatten, type CoverageNode } from '../../lib/coverage';
import { usePrefs } from '../../lib/prefs';

const RESULTS: SweepResult[] = ['ongoing', 'nothing_found', 'people_found', 'remains_found'];

/** The case's places on a map, and each site's hierarchy with which parts were searched, when, by whom. */
export default function PlacesPage() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const rights = useCaseRights();
  useTitle(t('places.title'));
  const { language } = usePrefs();
  const places = usePlaces(c.slug);
  const sweeps = useSweeps(c.slug);
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const selected = params.get('place');
  const name = (p: Place | undefined) => placeLabel(p, language);
  const tree = useMemo(
    () => (places.data && sweeps.data ? coverageTree(places.data, sweeps.data, name) : []),
    [places.data, sweeps.data, language], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const nodes = flatten(tree);
  const toneOf = new Map(nodes.map((n) => [n.place.id, n.coverage]));
  const mapPlaces = (places.data ?? []).map((p) => ({
    place: p,
    label: name(p),
    tone: `${p.id === selected ? 'selected' : ''} cov-${toneOf.get(p.id) ?? 'not_searched'}`,
  }));
  return (
    <div className="page">
      <h1>{t('places.title')}</h1>
      <Query q={places}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('places.none')}</Empty>
          ) : (
            <>
              <div className="maps">
                <PlaceMap
                  places={mapPlaces}
                  title={t('places.mapTitle', { n: list.filter((p) => p.coordinates).length })}
                  onSelect={(id) => navigate(`/places?place=${id}`, { replace: true })}
                />
                <PlaceMap
                  places={mapPlaces}
                  width={300}
                  height={300}
                  contextKm={300}
                  title={t('places.overviewTitle')}
                />
              </div>
              <section aria-labelledby="coverage-h">
                <h2 id="coverage-h">{t('places.coverage')}</h2>
                <p className="muted">{t('places.coverageHint')}</p>
                <Query q={sweeps}>{() => <CoverageList nodes={nodes} selected={selected} />}</Query>
              </section>
              {rights.canWrite && sweeps.data ? <AddSweep places={nodes} /> : null}
            </>
          )
        }
      </Query>
    </div>
  );
}

function CoverageList({ nodes, selected }: { nodes: CoverageNode[]; selected: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { language } = usePrefs();
  return (
    <ul className="coverage" role="tree" aria-label={t('places.coverage')}>
      {nodes.map((n) => (
        <li
          key={n.place.id}
          id={`place-${n.place.id}`}
          role="treeitem"
          aria-level={n.depth + 1}
          aria-selected={n.place.id === selected}
          className={`coverage-node depth-${Math.min(n.depth, 4)} ${n.place.id === selected ? 'selected' : ''}`}
          style={{ marginInlineStart: `${n.depth * 1.5}rem` }}
          data-testid={`coverage-${n.place.id}`}
        >
          <p className="coverage-head">
            <strong dir="auto">{placeLabel(n.place, language)}</strong>{' '}
            <span className="muted small">{t(`places.kind.${n.place.kind}`)}</span>{' '}
            <Badge kind={`cov-${n.coverage}`}>{t(`places.cov.${n.coverage}`)}</Badge>
            {n.totalBelow > 0 ? (
              <span className="muted small">
                {' '}
                {t('places.searchedBelow', {
                  searched: n.searchedBelow,
                  total: n.totalBelow,
                  count: n.totalBelow,
                })}
              </span>
            ) : null}
          </p>
          {n.place.coordinates ? (
            <p className="muted small" dir="ltr">
              <Num n={n.place.coordinates.latitude} />, <Num n={n.place.coordinates.longitude} />
              {n.place.coordinates.precisionM !== null ? (
                <> ± {t('places.m', { n: formatNumber(locale, n.place.coordinates.precisionM) })}</>
              ) : null}
              {n.place.coordinates.approximate ? <> ({t('places.approximate')})</> : null}
            </p>
          ) : null}
          {n.sweeps.length > 0 ? (
            <ul className="plain sweeps">
              {n.sweeps.map((s) => (
                <li key={s.id}>
                  <Link href={`/sweeps/${s.id}`}>
                    <span className={`result result-${s.result}`}>{t(`sweeps.result.${s.result}`)}</span>
                  </Link>{' '}
                  <SweepWhen s={s} />
                  {s.team ? (
                    <span>
                      {' '}
                      — {t('sweeps.by')} <UserText>{s.team}</UserText>
                    </span>
                  ) : null}
                  {s.notes ? (
                    <span className="block small">
                      <UserText>{s.notes}</UserText>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** When a sweep ran: from its start to its end, as precisely as each is known. */
export function SweepWhen({ s }: { s: Pick<Sweep, 'started' | 'ended'> }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  if (s.started && s.ended)
    return (
      <span>
        <WhenText when={s.started} caseZone={c.timeZone} /> –{' '}
        <WhenText when={s.ended} caseZone={c.timeZone} />
      </span>
    );
  if (s.started)
    return (
      <span>
        {t('sweeps.from')} <WhenText when={s.started} caseZone={c.timeZone} />
      </span>
    );
  if (s.ended)
    return (
      <span>
        {t('sweeps.until')} <WhenText when={s.ended} caseZone={c.timeZone} />
      </span>
    );
  return <span className="muted">{t('sweeps.undated')}</span>;
}

function AddSweep({ places }: { places: CoverageNode[] }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const { language } = usePrefs();
  const sources = useSources(c.slug);
  const [open, setOpen] = useState(false);
  const [placeId, setPlaceId] = useState('');
  const [team, setTeam] = useState('');
  const [result, setResult] = useState<SweepResult>('ongoing');
  const [started, setStarted] = useState(emptyWhen(c.timeZone));
  const [ended, setEnded] = useState(emptyWhen(c.timeZone));
  const [notes, setNotes] = useState('');
  const [sourceId, setSourceId] = useState('');
  const errors = useFormErrors();
  const add = useWrite(
    (body: {
      placeId: string;
      result: SweepResult;
      team?: string;
      started?: NonNullable<ReturnType<typeof toWhenInput>>;
      ended?: NonNullable<ReturnType<typeof toWhenInput>>;
      notes?: string;
      sourceId?: string;
    }) => ok(api.POST('/api/cases/{caseId}/sweeps', { params: { path: { caseId: c.slug } }, body })),
    () => [
      ['case', c.slug, 'sweeps'],
      ['case', c.slug, 'timeline'],
    ],
    () => {
      setOpen(false);
      setTeam('');
      setNotes('');
      setStarted(emptyWhen(c.timeZone));
      setEnded(emptyWhen(c.timeZone));
    },
  );
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('sweeps.add')}
      </button>
    );
  function submit(e: FormEvent) {
    e.preventDefault();
    const s = toWhenInput(started);
    const en = toWhenInput(ended);
    if (
      !errors.check({
        '/placeId': !placeId && t('form.requiredField'),
        '/team': [...team].length > 500 && t('form.tooLong'),
        '/started': whenProblem(t, started),
        '/ended': whenProblem(t, ended),
      })
    )
      return;
    add.mutate(
      {
        placeId,
        result,
        ...(team.trim() ? { team: team.trim() } : {}),
        ...(s ? { started: s } : {}),
        ...(en ? { ended: en } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(sourceId ? { sourceId } : {}),
      },
      { onError: (err) => errors.fromServer(err) },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="card">
      <h2>{t('sweeps.add')}</h2>
      <ErrorNotice
        error={errors.general(['/placeId', '/team', '/started', '/ended', '/result', '/notes', '/sourceId'])}
      />
      <Field label={t('sweeps.place')} error={errors.for('/placeId')} required>
        {(a) => (
          <select {...a} value={placeId} onChange={(e) => setPlaceId(e.target.value)}>
            <option value="">{t('form.choose')}</option>
            {places.map((n) => (
              <option key={n.place.id} value={n.place.id}>
                {'\u2003'.repeat(n.depth)}
                {placeLabel(n.place, language)} ({t(`places.kind.${n.place.kind}`)})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('sweeps.team')} error={errors.for('/team')}>
        {(a) => <input {...a} dir="auto" value={team} onChange={(e) => setTeam(e.target.value)} />}
      </Field>
      <Field label={t('sweeps.resultLabel')} error={errors.for('/result')} required>
        {(a) => (
          <select {...a} value={result} onChange={(e) => setResult(e.target.value as SweepResult)}>
            {RESULTS.map((r) => (
              <option key={r} value={r}>
                {t(`sweeps.result.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <WhenField
        label={t('sweeps.started')}
        value={started}
        onChange={setStarted}
        error={errors.for('/started')}
      />
      <WhenField label={t('sweeps.ended')} value={ended} onChange={setEnded} error={errors.for('/ended')} />
      <Field label={t('sweeps.notes')} error={errors.for('/notes')}>
        {(a) => (
          <textarea {...a} dir="auto" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
        )}
      </Field>
      <Field label={t('sweeps.source')} error={errors.for('/sourceId')}>
        {(a) => (
          <select {...a} value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
            <option value="">{t('common.none')}</option>
            {(sources.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SaveCancel busy={add.isPending} onCancel={() => setOpen(false)} />
    </form>
  );
}

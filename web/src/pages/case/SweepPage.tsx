import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, ok } from '../../api/client';
import { placeLabel, usePlaces, useSources, useSweep } from '../../api/case-data';
import { useWrite } from '../../api/hooks';
import type { Sweep, SweepResult } from '../../api/types';
import { useCaseRights, useCurrentCase } from '../../components/case-context';
import { History } from '../../components/history';
import {
  Badge,
  ErrorNotice,
  Field,
  Query,
  UserText,
  SaveCancel,
  useFormErrors,
  useTitle,
} from '../../components/ui';
import { emptyWhen, toWhenInput, WhenField, whenProblem } from '../../components/when-input';
import { ZoneSwitch } from '../../components/zone-switch';
import { usePrefs } from '../../lib/prefs';
import { SweepWhen } from './Places';

/** One search of a place: where, when, by whom, with what result, and its history. */
export default function SweepPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const rights = useCaseRights();
  useTitle(t('sweeps.one'));
  const { language } = usePrefs();
  const q = useSweep(c.slug, id);
  const places = usePlaces(c.slug);
  const sources = useSources(c.slug);
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link href="/places">{t('places.title')}</Link>
      </p>
      <Query q={q}>
        {(s) => {
          const place = places.data?.find((p) => p.id === s.placeId);
          return (
            <>
              <h1>{t('sweeps.of', { place: placeLabel(place, language) })}</h1>
              <p>
                <span className={`result result-${s.result}`}>{t(`sweeps.result.${s.result}`)}</span>{' '}
                {s.isDemo ? <Badge kind="demo">{t('common.demo')}</Badge> : null}
              </p>
              <ZoneSwitch />
              <dl className="facts">
                <dt>{t('sweeps.when')}</dt>
                <dd>
                  <SweepWhen s={s} />
                </dd>
                <dt>{t('sweeps.team')}</dt>
                <dd>{s.team ? <UserText>{s.team}</UserText> : t('common.unknown')}</dd>
                <dt>{t('sweeps.source')}</dt>
                <dd>
                  {s.sourceId ? (
                    <UserText>{sources.data?.find((x) => x.id === s.sourceId)?.name}</UserText>
                  ) : (
                    t('common.none')
                  )}
                </dd>
                <dt>{t('sweeps.notes')}</dt>
                <dd>{s.notes ? <UserText>{s.notes}</UserText> : t('common.none')}</dd>
              </dl>
              {rights.canWrite ? <RecordEnd s={s} /> : null}
              <History entityType="sweep" entityId={s.id} />
            </>
          );
        }}
      </Query>
    </div>
  );
}

/** Records how a search went on: its end, its result, notes. */
function RecordEnd({ s }: { s: Sweep }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const [open, setOpen] = useState(false);
  const [ended, setEnded] = useState(emptyWhen(s.ended?.timeZone ?? s.started?.timeZone ?? c.timeZone));
  const [result, setResult] = useState<SweepResult>(s.result);
  const [notes, setNotes] = useState(s.notes);
  const errors = useFormErrors();
  const save = useWrite(
    (body: { ended?: NonNullable<ReturnType<typeof toWhenInput>>; result: SweepResult; notes: string }) =>
      ok(
        api.PATCH('/api/cases/{caseId}/sweeps/{id}', {
          params: { path: { caseId: c.slug, id: s.id } },
          body,
        }),
      ),
    () => [
      ['case', c.slug, 'sweeps'],
      ['case', c.slug, 'history'],
      ['case', c.slug, 'timeline'],
    ],
    () => setOpen(false),
  );
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('sweeps.update')}
      </button>
    );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (
      !errors.check({
        '/ended': whenProblem(t, ended),
        '/notes': [...notes].length > 20000 && t('form.tooLong'),
      })
    )
      return;
    const en = toWhenInput(ended);
    save.mutate(
      { result, notes, ...(en ? { ended: en } : {}) },
      { onError: (err) => errors.fromServer(err) },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="card">
      <h2>{t('sweeps.update')}</h2>
      <ErrorNotice error={errors.general(['/ended', '/result', '/notes'])} />
      <WhenField label={t('sweeps.ended')} value={ended} onChange={setEnded} error={errors.for('/ended')} />
      <Field label={t('sweeps.resultLabel')} error={errors.for('/result')}>
        {(a) => (
          <select {...a} value={result} onChange={(e) => setResult(e.target.value as SweepResult)}>
            {(['ongoing', 'nothing_found', 'people_found', 'remains_found'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`sweeps.result.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('sweeps.notes')} error={errors.for('/notes')}>
        {(a) => (
          <textarea {...a} dir="auto" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
        )}
      </Field>
      <SaveCancel busy={save.isPending} onCancel={() => setOpen(false)} />
    </form>
  );
}

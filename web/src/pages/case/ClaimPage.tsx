import { useQueries, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, ok } from '../../api/client';
import { placeLabel, useClaim, useFigures, usePlaces, useSources, useSweeps } from '../../api/case-data';
import { useWrite } from '../../api/hooks';
import type { Claim, Evidence, Stance, Statement, Verdict, When } from '../../api/types';
import { useCaseRights, useCurrentCase } from '../../components/case-context';
import { ClaimStatusBadges } from '../../components/claim-bits';
import { FigureValue } from '../../components/figure-value';
import { History } from '../../components/history';
import {
  Badge,
  Empty,
  ErrorNotice,
  Field,
  Query,
  UserText,
  SaveCancel,
  useFormErrors,
  useTitle,
} from '../../components/ui';
import { WhenText } from '../../components/when';
import { emptyWhen, toWhenInput, WhenField, whenProblem } from '../../components/when-input';
import { usePrefs } from '../../lib/prefs';
import { SimilarCard } from './ClaimsBoard';

const VERDICTS: Verdict[] = ['false', 'misleading', 'unproven', 'true'];
const STANCES: Stance[] = ['supports', 'refutes', 'context'];
type TargetType = 'statement' | 'sweep' | 'figure';

/** One claim: what it says, its evidence, its own timeline, similar claims, and its verdict's workflow. */
export default function ClaimPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const q = useClaim(c.slug, id);
  useTitle(t('claims.claim'));
  return (
    <div className="page claim-page">
      <Query q={q}>{(claim) => <ClaimView claim={claim} />}</Query>
    </div>
  );
}

function ClaimView({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const rights = useCaseRights();
  const sources = useSources(c.slug);
  const claimant = sources.data?.find((s) => s.id === claim.claimantSourceId);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/claims">{t('claims.title')}</Link>
      </p>
      <h1 className="sr-only">{t('claims.claim')}</h1>
      <blockquote className="claim-text" lang={claim.language} dir="auto">
        {claim.text}
      </blockquote>
      <p className="meta">
        <ClaimStatusBadges c={claim} />
        {claim.isDemo ? <Badge kind="demo">{t('common.demo')}</Badge> : null}
      </p>
      <dl className="facts">
        <dt>{t('form.language')}</dt>
        <dd>
          <bdi>{claim.language}</bdi>
        </dd>
        <dt>{t('claims.firstSeen')}</dt>
        <dd>
          {claim.firstSeen ? <WhenText when={claim.firstSeen} caseZone={c.timeZone} /> : t('common.unknown')}
        </dd>
        <dt>{t('claims.claimant')}</dt>
        <dd>{claimant ? <UserText>{claimant.name}</UserText> : t('common.unknown')}</dd>
        <dt>{t('claims.appearanceUrl')}</dt>
        <dd>
          {claim.appearanceUrl ? (
            // A link the reader may follow; the desk never loads it.
            <a
              href={claim.appearanceUrl}
              rel="noopener noreferrer nofollow"
              target="_blank"
              dir="ltr"
              className="url"
            >
              {claim.appearanceUrl}
            </a>
          ) : (
            t('common.none')
          )}
        </dd>
      </dl>

      <div className="grid">
        <section className="card" aria-labelledby="verdict-h">
          <h2 id="verdict-h">{t('verdict.title')}</h2>
          <VerdictPanel claim={claim} />
        </section>
        <section className="card" aria-labelledby="similar-h">
          <h2 id="similar-h">{t('similar.title')}</h2>
          <SimilarToClaim claim={claim} />
        </section>
      </div>

      <section className="card" aria-labelledby="evidence-h">
        <h2 id="evidence-h">{t('evidence.title')}</h2>
        <EvidenceList claim={claim} />
        {rights.canWrite ? <AddEvidence claim={claim} /> : null}
      </section>

      {claim.status === 'verdict' ? (
        <section className="card" aria-labelledby="preview-h">
          <h2 id="preview-h">{t('claimReview.title')}</h2>
          <ClaimReviewPreview claim={claim} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="claim-timeline-h">
        <h2 id="claim-timeline-h">{t('claims.ownTimeline')}</h2>
        <ClaimTimeline claim={claim} />
      </section>

      <History entityType="claim" entityId={claim.id} />
    </>
  );
}

function claimKeys(slug: string) {
  return [
    ['case', slug, 'claims'],
    ['case', slug, 'history'],
  ];
}

function VerdictPanel({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const rights = useCaseRights();
  const path = { caseId: c.slug, claimId: claim.id };
  const review = useWrite(
    () => ok(api.POST('/api/cases/{caseId}/claims/{claimId}/review', { params: { path } })),
    () => claimKeys(c.slug),
  );
  const publish = useWrite(
    () => ok(api.POST('/api/cases/{caseId}/claims/{claimId}/publish', { params: { path } })),
    () => claimKeys(c.slug),
  );
  return (
    <>
      {claim.verdict ? (
        <div className="verdict">
          <p>
            <Badge kind={`verdict-${claim.verdict}`}>{t(`claims.verdict.${claim.verdict}`)}</Badge>{' '}
            {claim.rating !== null ? (
              <span className="muted">{t('verdict.ratingOf', { rating: claim.rating })}</span>
            ) : null}
          </p>
          {claim.summary ? (
            <p className="summary">
              <UserText>{claim.summary}</UserText>
            </p>
          ) : null}
          {claim.verdictAsOf ? (
            <p className="muted small">
              {t('verdict.asOf')} <WhenText when={claim.verdictAsOf} caseZone={c.timeZone} />
            </p>
          ) : null}
          <p className="muted small">
            {claim.publishedAt ? (
              <>
                {t('verdict.publishedAt')}{' '}
                <WhenText
                  when={{ at: claim.publishedAt, precision: 'minute', timeZone: null }}
                  caseZone={c.timeZone}
                />
                {claim.publicUrl ? (
                  <>
                    {' · '}
                    <a href={claim.publicUrl} dir="ltr">
                      {t('verdict.publicPage')}
                    </a>
                  </>
                ) : null}
              </>
            ) : (
              t('verdict.notPublished')
            )}
          </p>
        </div>
      ) : (
        <p className="muted">{t(`verdict.none_${claim.status}`)}</p>
      )}
      {claim.status === 'unverified' && rights.canWrite ? (
        <>
          <ErrorNotice error={review.error} />
          <button type="button" onClick={() => review.mutate(undefined)} disabled={review.isPending}>
            {t('verdict.startReview')}
          </button>
        </>
      ) : null}
      {claim.status !== 'unverified' && rights.canReview ? <VerdictForm claim={claim} /> : null}
      {claim.status === 'verdict' && !claim.publishedAt && rights.canReview ? (
        <>
          <ErrorNotice error={publish.error} />
          <button
            type="button"
            className="primary"
            onClick={() => publish.mutate(undefined)}
            disabled={publish.isPending}
          >
            {t('verdict.publish')}
          </button>
        </>
      ) : null}
      {claim.publishedAt && rights.canReview ? <WithdrawForm claim={claim} /> : null}
      {claim.status !== 'unverified' && !rights.canReview ? (
        <p className="muted small">{t('verdict.reviewersOnly')}</p>
      ) : null}
    </>
  );
}

function VerdictForm({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const [open, setOpen] = useState(claim.status === 'in_review');
  const [verdict, setVerdict] = useState<Verdict | ''>(claim.verdict ?? '');
  const [summary, setSummary] = useState(claim.summary ?? '');
  const [rating, setRating] = useState(
    claim.ratingOverridden && claim.rating !== null ? String(claim.rating) : '',
  );
  const [asOf, setAsOf] = useState(emptyWhen(c.timeZone));
  const errors = useFormErrors();
  const save = useWrite(
    (body: {
      verdict: Verdict;
      summary: string;
      rating?: number;
      asOf?: NonNullable<ReturnType<typeof toWhenInput>>;
    }) =>
      ok(
        api.POST('/api/cases/{caseId}/claims/{claimId}/verdict', {
          params: { path: { caseId: c.slug, claimId: claim.id } },
          body,
        }),
      ),
    () => claimKeys(c.slug),
    () => setOpen(false),
  );
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('verdict.revise')}
      </button>
    );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (
      !errors.check({
        '/verdict': !verdict && t('form.requiredField'),
        '/summary': !summary.trim()
          ? t('form.requiredField')
          : [...summary].length > 5000 && t('form.tooLong'),
        '/asOf': whenProblem(t, asOf),
      })
    )
      return;
    const when = toWhenInput(asOf);
    save.mutate(
      {
        verdict: verdict as Verdict,
        summary: summary.trim(),
        ...(rating ? { rating: Number(rating) } : {}),
        ...(when ? { asOf: when } : {}),
      },
      { onError: (err) => errors.fromServer(err) },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="verdict-form">
      <h3>{claim.verdict ? t('verdict.revise') : t('verdict.set')}</h3>
      <ErrorNotice error={errors.general(['/verdict', '/summary', '/rating', '/asOf'])} />
      <Field label={t('verdict.verdict')} error={errors.for('/verdict')} required>
        {(a) => (
          <select {...a} value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)}>
            <option value="">{t('form.choose')}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`claims.verdict.${v}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('verdict.summary')}
        hint={t('verdict.summaryHint')}
        error={errors.for('/summary')}
        required
      >
        {(a) => (
          <textarea {...a} dir="auto" rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />
        )}
      </Field>
      <Field label={t('verdict.rating')} hint={t('verdict.ratingHint')} error={errors.for('/rating')}>
        {(a) => (
          <select {...a} value={rating} onChange={(e) => setRating(e.target.value)}>
            <option value="">{t('verdict.ratingDefault')}</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        )}
      </Field>
      <WhenField label={t('verdict.asOf')} value={asOf} onChange={setAsOf} error={errors.for('/asOf')} />
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('verdict.save')}
      </button>{' '}
      {claim.verdict ? (
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      ) : null}
    </form>
  );
}

function WithdrawForm({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const errors = useFormErrors();
  const withdraw = useWrite(
    (r: string) =>
      ok(
        api.POST('/api/cases/{caseId}/claims/{claimId}/withdraw', {
          params: { path: { caseId: c.slug, claimId: claim.id } },
          body: { reason: r },
        }),
      ),
    () => claimKeys(c.slug),
  );
  if (!open)
    return (
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('verdict.withdraw')}
      </button>
    );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!errors.check({ '/reason': !reason.trim() && t('form.requiredField') })) return;
        withdraw.mutate(reason.trim(), { onError: (err) => errors.fromServer(err) });
      }}
    >
      <ErrorNotice error={errors.general(['/reason'])} />
      <Field label={t('verdict.withdrawReason')} error={errors.for('/reason')} required>
        {(a) => <input {...a} dir="auto" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <SaveCancel
        busy={withdraw.isPending}
        onCancel={() => setOpen(false)}
        label={t('verdict.withdrawConfirm')}
        danger
      />
    </form>
  );
}

/** The schema.org ClaimReview as it is (or would be) published: a reading of it, and the JSON-LD itself. */
function ClaimReviewPreview({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const q = useQuery({
    queryKey: [
      'case',
      c.slug,
      'claims',
      'claimreview',
      claim.id,
      claim.verdict,
      claim.summary,
      claim.publishedAt,
    ],
    queryFn: () =>
      ok(
        api.GET('/api/cases/{caseId}/claims/{claimId}/claimreview', {
          params: { path: { caseId: c.slug, claimId: claim.id } },
        }),
      ),
  });
  return (
    <Query q={q}>
      {(p) => {
        const r = p.claimReview as {
          claimReviewed?: string;
          reviewBody?: string;
          url?: string;
          datePublished?: string;
          author?: { name?: string };
          reviewRating?: { alternateName?: string; ratingValue?: number };
        };
        return (
          <div className="claimreview" data-testid="claimreview-preview">
            <p>
              {p.published ? (
                <Badge kind="published">{t('claimReview.published')}</Badge>
              ) : (
                <Badge kind="preview">{t('claimReview.preview')}</Badge>
              )}
            </p>
            <div className="claimreview-card">
              <p className="muted small">{t('claimReview.claim')}</p>
              <p dir="auto">{r.claimReviewed}</p>
              <p className="muted small">{t('claimReview.rating')}</p>
              <p>
                <strong dir="auto">{r.reviewRating?.alternateName}</strong> ({r.reviewRating?.ratingValue} /
                5)
              </p>
              {r.reviewBody ? (
                <>
                  <p className="muted small">{t('claimReview.body')}</p>
                  <p dir="auto">{r.reviewBody}</p>
                </>
              ) : null}
              <p className="muted small">
                {t('claimReview.by', { name: r.author?.name ?? '' })} · <bdi dir="ltr">{r.url}</bdi>
              </p>
            </div>
            <details>
              <summary>{t('claimReview.json')}</summary>
              <pre dir="ltr" className="json">
                {JSON.stringify(p.claimReview, null, 2)}
              </pre>
            </details>
          </div>
        );
      }}
    </Query>
  );
}

function SimilarToClaim({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['similar', 'claim', claim.id, claim.text],
    queryFn: () => ok(api.GET('/api/claims/similar', { params: { query: { q: claim.text, limit: 6 } } })),
  });
  return (
    <Query q={q}>
      {(d) => {
        const others = d.similar.filter((s) => s.id !== claim.id).slice(0, 5);
        return others.length === 0 ? (
          <Empty>{t('similar.none')}</Empty>
        ) : (
          <ul className="plain">
            {others.map((s) => (
              <li key={s.id}>
                <SimilarCard s={s} />
              </li>
            ))}
          </ul>
        );
      }}
    </Query>
  );
}

/** The records the evidence points at, read once each. */
function useEvidenceTargets(claim: Claim) {
  const c = useCurrentCase();
  const statementIds = claim.evidence.filter((e) => e.targetType === 'statement').map((e) => e.targetId);
  const statements = useQueries({
    queries: statementIds.map((sid) => ({
      queryKey: ['case', c.slug, 'statements', 'one', sid],
      queryFn: () =>
        ok(api.GET('/api/cases/{caseId}/statements/{id}', { params: { path: { caseId: c.slug, id: sid } } })),
    })),
  });
  const mediaIds = claim.evidence.filter((e) => e.targetType === 'media_item').map((e) => e.targetId);
  const media = useQueries({
    queries: mediaIds.map((mid) => ({
      queryKey: ['case', c.slug, 'media', 'one', mid],
      queryFn: () =>
        ok(api.GET('/api/cases/{caseId}/media/{id}', { params: { path: { caseId: c.slug, id: mid } } })),
    })),
  });
  const sweeps = useSweeps(c.slug);
  const figures = useFigures(c.slug);
  const byStatement = new Map<string, Statement>();
  for (const s of statements) if (s.data) byStatement.set(s.data.id, s.data);
  const byMedia = new Map<
    string,
    { id: string; name: string; kind: string; hasThumbnail: boolean; sensitivity: string[] }
  >();
  for (const m of media) if (m.data) byMedia.set(m.data.id, m.data);
  return { byStatement, byMedia, sweeps: sweeps.data ?? [], figures: figures.data ?? [] };
}

function EvidenceList({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const targets = useEvidenceTargets(claim);
  if (claim.evidence.length === 0) return <Empty>{t('evidence.none')}</Empty>;
  return (
    <ul className="plain evidence-list">
      {claim.evidence.map((e) => (
        <EvidenceItem key={e.id} claim={claim} e={e} targets={targets} />
      ))}
    </ul>
  );
}

function EvidenceItem({
  claim,
  e,
  targets,
}: {
  claim: Claim;
  e: Evidence;
  targets: ReturnType<typeof useEvidenceTargets>;
}) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const rights = useCaseRights();
  const { language } = usePrefs();
  const places = usePlaces(c.slug);
  const sources = useSources(c.slug);
  const path = { caseId: c.slug, claimId: claim.id, evidenceId: e.id };
  const remove = useWrite(
    () => ok(api.DELETE('/api/cases/{caseId}/claims/{claimId}/evidence/{evidenceId}', { params: { path } })),
    () => claimKeys(c.slug),
  );
  const change = useWrite(
    (stance: Stance) =>
      ok(
        api.PATCH('/api/cases/{caseId}/claims/{claimId}/evidence/{evidenceId}', {
          params: { path },
          body: { stance },
        }),
      ),
    () => claimKeys(c.slug),
  );
  let what: ReactNode = <span className="restricted">{t('evidence.unavailable')}</span>;
  if (e.targetType === 'statement') {
    const s = targets.byStatement.get(e.targetId);
    if (s)
      what = (
        <>
          <Link href={`/statements/${s.id}`}>
            <strong dir="auto">
              {sources.data?.find((x) => x.id === s.sourceId)?.name ?? t('sources.unknown')}
            </strong>
          </Link>
          {s.stated ? (
            <>
              {' · '}
              <WhenText when={s.stated} caseZone={c.timeZone} />
            </>
          ) : null}
          <span className="clip block">
            <UserText lang={s.language}>{s.text}</UserText>
          </span>
        </>
      );
  } else if (e.targetType === 'sweep') {
    const s = targets.sweeps.find((x) => x.id === e.targetId);
    if (s)
      what = (
        <>
          <Link href={`/sweeps/${s.id}`}>
            <strong dir="auto">
              {placeLabel(
                places.data?.find((p) => p.id === s.placeId),
                language,
              )}
            </strong>
          </Link>{' '}
          <span className={`result result-${s.result}`}>{t(`sweeps.result.${s.result}`)}</span>
        </>
      );
  } else if (e.targetType === 'media_item') {
    const m = targets.byMedia.get(e.targetId);
    // A picture marked graphic or identifiable is not shown until someone chooses to open it.
    const hidden = m?.sensitivity.filter((f) => f === 'graphic' || f === 'identifiable') ?? [];
    if (m)
      what = (
        <>
          <Link href={`/media/${m.id}`}>
            <strong dir="auto">
              <UserText>{m.name}</UserText>
            </strong>
          </Link>{' '}
          <span className="muted small">{t(`media.kind.${m.kind}`)}</span>
          {m.hasThumbnail && hidden.length === 0 ? (
            <img
              className="block evidence-thumb"
              src={`/api/cases/${encodeURIComponent(c.slug)}/media/${m.id}/thumbnail`}
              alt=""
              loading="lazy"
            />
          ) : null}
          {hidden.length > 0 ? (
            <span className="block small muted">
              {t('media.hidden', { flags: hidden.map((f) => t(`media.sensitivity.${f}`)).join(', ') })}
            </span>
          ) : null}
        </>
      );
  } else if (e.targetType === 'figure') {
    const f = targets.figures.find((x) => x.id === e.targetId);
    if (f)
      what = (
        <>
          <Link href={`/figures?figure=${f.id}`}>
            <strong dir="auto">{f.label}</strong>
          </Link>
          : <FigureValue f={f} />
        </>
      );
  }
  return (
    <li className={`evidence stance-${e.stance}`}>
      <p>
        <Badge kind={`stance-${e.stance}`}>{t(`evidence.stance.${e.stance}`)}</Badge>{' '}
        <span className="muted small">{t(`evidence.target.${e.targetType}`)}</span>
      </p>
      <div>{what}</div>
      {e.note ? (
        <p className="note">
          <UserText>{e.note}</UserText>
        </p>
      ) : null}
      {rights.canWrite ? (
        <p className="actions">
          <label>
            {t('evidence.changeStance')}{' '}
            <select
              value={e.stance}
              onChange={(ev) => change.mutate(ev.target.value as Stance)}
              disabled={change.isPending}
            >
              {STANCES.map((s) => (
                <option key={s} value={s}>
                  {t(`evidence.stance.${s}`)}
                </option>
              ))}
            </select>
          </label>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => remove.mutate(undefined)}
            disabled={remove.isPending}
          >
            {t('evidence.unlink')}
          </button>
        </p>
      ) : null}
      <ErrorNotice error={remove.error ?? change.error} />
    </li>
  );
}

function AddEvidence({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const { language } = usePrefs();
  const [type, setType] = useState<TargetType>('statement');
  const [target, setTarget] = useState('');
  const [stance, setStance] = useState<Stance | ''>('');
  const [note, setNote] = useState('');
  const [filter, setFilter] = useState('');
  const errors = useFormErrors();
  const sources = useSources(c.slug);
  const places = usePlaces(c.slug);
  const sweeps = useSweeps(c.slug);
  const figures = useFigures(c.slug);
  const statements = useQuery({
    queryKey: ['case', c.slug, 'statements', 'pick'],
    queryFn: () =>
      ok(
        api.GET('/api/cases/{caseId}/statements', {
          params: { path: { caseId: c.slug }, query: { order: 'newest', limit: 500 } },
        }),
      ),
  });
  const linked = new Set(claim.evidence.map((e) => e.targetId));
  const sourceName = new Map((sources.data ?? []).map((s) => [s.id, s.name]));
  const options = (() => {
    const f = filter.trim().toLocaleLowerCase();
    const all: { id: string; label: string }[] =
      type === 'statement'
        ? (statements.data?.statements ?? []).map((s) => ({
            id: s.id,
            label: `${sourceName.get(s.sourceId) ?? ''}: ${s.text}`,
          }))
        : type === 'sweep'
          ? (sweeps.data ?? []).map((s) => ({
              id: s.id,
              label: `${placeLabel(
                places.data?.find((p) => p.id === s.placeId),
                language,
              )} — ${t(`sweeps.result.${s.result}`)}${s.team ? ` (${s.team})` : ''}`,
            }))
          : (figures.data ?? []).map((x) => ({ id: x.id, label: `${x.label} (${x.unit})` }));
    return all
      .filter((o) => !linked.has(o.id) && (!f || o.label.toLocaleLowerCase().includes(f)))
      .slice(0, 200);
  })();
  const add = useWrite(
    (body: { stance: Stance; targetType: TargetType; targetId: string; note?: string }) =>
      ok(
        api.POST('/api/cases/{caseId}/claims/{claimId}/evidence', {
          params: { path: { caseId: c.slug, claimId: claim.id } },
          body,
        }),
      ),
    () => claimKeys(c.slug),
    () => {
      setTarget('');
      setNote('');
      setStance('');
      errors.clear();
    },
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (
      !errors.check({
        '/targetId': !target && t('form.requiredField'),
        '/stance': !stance && t('form.requiredField'),
        '/note': [...note].length > 5000 && t('form.tooLong'),
      })
    )
      return;
    add.mutate(
      {
        stance: stance as Stance,
        targetType: type,
        targetId: target,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onError: (err) => errors.fromServer(err) },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="add-evidence">
      <h3>{t('evidence.add')}</h3>
      <ErrorNotice error={errors.general(['/targetId', '/stance', '/note', '/targetType'])} />
      <div className="row">
        <Field label={t('evidence.kind')}>
          {(a) => (
            <select
              {...a}
              value={type}
              onChange={(e) => {
                setType(e.target.value as TargetType);
                setTarget('');
              }}
            >
              {(['statement', 'sweep', 'figure'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`evidence.target.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('evidence.filter')}>
          {(a) => (
            <input
              {...a}
              type="search"
              dir="auto"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label={t('evidence.record')} error={errors.for('/targetId')} required>
        {(a) => (
          <select {...a} value={target} onChange={(e) => setTarget(e.target.value)} className="wide-select">
            <option value="">{t('form.choose')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label.length > 140 ? `${o.label.slice(0, 140)}…` : o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('evidence.stanceLabel')} error={errors.for('/stance')} required>
        {(a) => (
          <select {...a} value={stance} onChange={(e) => setStance(e.target.value as Stance)}>
            <option value="">{t('form.choose')}</option>
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {t(`evidence.stance.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('evidence.note')} error={errors.for('/note')}>
        {(a) => (
          <textarea {...a} dir="auto" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
      <button type="submit" disabled={add.isPending}>
        {t('evidence.link')}
      </button>
    </form>
  );
}

interface Moment {
  key: string;
  when: Pick<When, 'at' | 'precision' | 'timeZone'>;
  label: string;
  to?: string;
}

/** The claim's own timeline: when it was first seen, when its evidence happened, its verdict and publication. */
function ClaimTimeline({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const { language } = usePrefs();
  const targets = useEvidenceTargets(claim);
  const places = usePlaces(c.slug);
  const sources = useSources(c.slug);
  const moments: Moment[] = [];
  if (claim.firstSeen)
    moments.push({ key: 'first', when: claim.firstSeen, label: t('timeline.kind.claim_first_seen') });
  for (const e of claim.evidence) {
    if (e.targetType === 'statement') {
      const s = targets.byStatement.get(e.targetId);
      if (s?.stated)
        moments.push({
          key: e.id,
          when: s.stated,
          label: t('claims.timelineStatement', {
            source: sources.data?.find((x) => x.id === s.sourceId)?.name ?? '',
          }),
          to: `/statements/${s.id}`,
        });
    } else if (e.targetType === 'sweep') {
      const s = targets.sweeps.find((x) => x.id === e.targetId);
      const place = placeLabel(
        places.data?.find((p) => p.id === s?.placeId),
        language,
      );
      if (s?.started)
        moments.push({
          key: `${e.id}-s`,
          when: s.started,
          label: t('claims.timelineSweepStart', { place }),
          to: `/sweeps/${s.id}`,
        });
      if (s?.ended)
        moments.push({
          key: `${e.id}-e`,
          when: s.ended,
          label: t('claims.timelineSweepEnd', { place }),
          to: `/sweeps/${s.id}`,
        });
    }
  }
  if (claim.verdictAsOf)
    moments.push({ key: 'verdict', when: claim.verdictAsOf, label: t('timeline.kind.claim_verdict') });
  if (claim.publishedAt)
    moments.push({
      key: 'published',
      when: { at: claim.publishedAt, precision: 'minute', timeZone: null },
      label: t('timeline.kind.claim_published'),
    });
  moments.sort((a, b) => a.when.at.localeCompare(b.when.at));
  if (moments.length === 0) return <Empty>{t('claims.noMoments')}</Empty>;
  return (
    <ol className="mini-timeline">
      {moments.map((m) => (
        <li key={m.key}>
          <WhenText when={m.when} caseZone={c.timeZone} /> —{' '}
          {m.to ? (
            <Link href={m.to}>
              <bdi>{m.label}</bdi>
            </Link>
          ) : (
            <bdi>{m.label}</bdi>
          )}
        </li>
      ))}
    </ol>
  );
}

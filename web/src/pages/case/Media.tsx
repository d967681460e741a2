import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { api, ApiError, ok } from '../../api/client';
import { usePagedList, useWrite } from '../../api/hooks';
import {
  checkMedia,
  downloadEvidence,
  inProgress,
  uploadMedia,
  type CheckResult,
  type IngestResult,
  type MediaItem,
  type UploadFacts,
  type UrlCaptureResult,
} from '../../api/media';
import { useCaseRights, useCurrentCase } from '../../components/case-context';
import { Bytes, FirstSeenText, MediaState, MediaThumb, SignalList } from '../../components/media-bits';
import {
  Badge,
  Empty,
  ErrorNotice,
  Field,
  Loading,
  SaveCancel,
  useFormErrors,
  useTitle,
  UserText,
} from '../../components/ui';
import { InstantText } from '../../components/when';
import { urlProblem } from '../../lib/checks';
import { clockTime, zonedToInstant } from '../../lib/format';

/** The hash's name, the same in every language. */
const SHA256 = 'SHA-256';
/** The web archive format's name. */
const WARC = 'WARC';
const KINDS = ['image', 'video', 'unknown'] as const;
const STATUSES = ['received', 'processing', 'processed', 'unreadable', 'failed'] as const;
/** Files sent at the same time; the rest wait their turn. */
const PARALLEL = 2;

/** The case's media evidence: add files, folders or a web address, check a file, and the list. */
export default function MediaPage() {
  const { t } = useTranslation();
  const rights = useCaseRights();
  useTitle(t('media.title'));
  const [panel, setPanel] = useState<'upload' | 'url' | 'check' | null>(null);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('media.title')}</h1>
        <p className="row">
          {rights.canWrite ? (
            <>
              <button
                type="button"
                aria-expanded={panel === 'upload'}
                onClick={() => setPanel(panel === 'upload' ? null : 'upload')}
              >
                {t('media.upload.open')}
              </button>
              <button
                type="button"
                aria-expanded={panel === 'url'}
                onClick={() => setPanel(panel === 'url' ? null : 'url')}
              >
                {t('media.url.open')}
              </button>
            </>
          ) : null}
          <button
            type="button"
            aria-expanded={panel === 'check'}
            onClick={() => setPanel(panel === 'check' ? null : 'check')}
          >
            {t('media.check.open')}
          </button>
        </p>
      </div>
      {panel === 'upload' ? <UploadPanel onClose={() => setPanel(null)} /> : null}
      {panel === 'url' ? <CapturePanel onClose={() => setPanel(null)} /> : null}
      {panel === 'check' ? <CheckPanel onClose={() => setPanel(null)} /> : null}
      {rights.canWrite ? <ExportEvidence /> : null}
      <MediaList />
    </div>
  );
}

function MediaList() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const kind = KINDS.find((k) => k === params.get('kind'));
  const status = STATUSES.find((s) => s === params.get('status'));
  const list = usePagedList(['case', c.slug, 'media', 'list', kind, status], 'items', (cursor) =>
    ok(
      api.GET('/api/cases/{caseId}/media', {
        params: {
          path: { caseId: c.slug },
          query: { ...(kind ? { kind } : {}), ...(status ? { status } : {}), cursor, limit: 100 },
        },
      }),
    ),
  );
  // Items still being processed are read again until they are done.
  const busy = list.items.some((m) => inProgress(m.status));
  const { refetch } = list;
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => void refetch(), 2000);
    return () => clearInterval(timer);
  }, [busy, refetch]);
  const go = (k: string | undefined, s: string | undefined) => {
    const q = new URLSearchParams();
    if (k) q.set('kind', k);
    if (s) q.set('status', s);
    navigate(q.size > 0 ? `/media?${q.toString()}` : '/media');
  };
  return (
    <section aria-labelledby="media-list-h">
      <h2 id="media-list-h" className="sr-only">
        {t('media.list')}
      </h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('media.filterKind')}{' '}
          <select value={kind ?? ''} onChange={(e) => go(e.target.value || undefined, status)}>
            <option value="">{t('media.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`media.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('media.filterStatus')}{' '}
          <select value={status ?? ''} onChange={(e) => go(kind, e.target.value || undefined)}>
            <option value="">{t('media.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`media.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {list.error ? (
        <ErrorNotice error={list.error} />
      ) : list.isPending ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty>{kind || status ? t('media.noneFiltered') : t('media.none')}</Empty>
      ) : (
        <ul className="plain media-grid">
          {list.items.map((m) => (
            <li key={m.id} className="card media-card">
              <MediaCard m={m} />
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('common.more')}
        </button>
      ) : null}
    </section>
  );
}

function MediaCard({ m }: { m: MediaItem }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  return (
    <>
      <MediaThumb item={m} />
      <p className="media-name">
        <Link href={`/media/${m.id}`}>
          <UserText>{m.name}</UserText>
        </Link>
      </p>
      <p className="small muted">
        {t(`media.kind.${m.kind}`)}
        {m.durationS !== null ? ` · ${clockTime(m.durationS)}` : ''}
        {m.width && m.height ? (
          <>
            {' · '}
            <span dir="ltr">{`${m.width}×${m.height}`}</span>
          </>
        ) : null}{' '}
        · <Bytes n={m.size} />
      </p>
      <p className="small">
        <MediaState item={m} />
      </p>
      <p className="small muted">
        {t('media.added')} <InstantText at={m.createdAt} caseZone={c.timeZone} />
      </p>
      {m.isDemo || m.sensitivity.length > 0 ? (
        <p className="badges">
          {m.isDemo ? <Badge kind="demo">{t('common.demo')}</Badge> : null}
          {m.sensitivity.map((f) => (
            <Badge key={f} kind="sensitivity">
              {t(`media.sensitivity.${f}`)}
            </Badge>
          ))}
        </p>
      ) : null}
    </>
  );
}

/** What a person says about the files they add: where they came from, as the source claims. */
function useFacts() {
  const c = useCurrentCase();
  const [notes, setNotes] = useState('');
  const [platform, setPlatform] = useState('');
  const [account, setAccount] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [postedLocal, setPostedLocal] = useState('');
  const postedAt = postedLocal ? zonedToInstant(postedLocal, c.timeZone) : null;
  return {
    notes,
    platform,
    account,
    sourceUrl,
    postedLocal,
    setNotes,
    setPlatform,
    setAccount,
    setSourceUrl,
    setPostedLocal,
    postedAt,
    facts(): UploadFacts {
      return {
        name: '',
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(platform.trim() ? { platform: platform.trim() } : {}),
        ...(account.trim() ? { account: account.trim() } : {}),
        ...(sourceUrl.trim() ? { sourceUrl: sourceUrl.trim() } : {}),
        ...(postedAt ? { postedAt } : {}),
      };
    },
  };
}

function FactFields({
  f,
  withUrl,
  errors,
}: {
  f: ReturnType<typeof useFacts>;
  withUrl: boolean;
  errors: ReturnType<typeof useFormErrors>;
}) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  return (
    <>
      <Field label={t('media.facts.notes')} hint={t('media.facts.notesHint')} error={errors.for('/notes')}>
        {(a) => (
          <textarea
            {...a}
            dir="auto"
            rows={2}
            maxLength={5000}
            value={f.notes}
            onChange={(e) => f.setNotes(e.target.value)}
          />
        )}
      </Field>
      <div className="row wrap">
        <Field label={t('media.facts.platform')} error={errors.for('/platform')}>
          {(a) => (
            <input
              {...a}
              dir="auto"
              maxLength={50}
              value={f.platform}
              onChange={(e) => f.setPlatform(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('media.facts.account')} error={errors.for('/account')}>
          {(a) => (
            <input
              {...a}
              dir="auto"
              maxLength={200}
              value={f.account}
              onChange={(e) => f.setAccount(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('media.facts.postedAt')}
          hint={t('media.facts.postedAtHint', { zone: c.timeZone })}
          error={errors.for('/postedAt')}
        >
          {(a) => (
            <input
              {...a}
              type="datetime-local"
              value={f.postedLocal}
              onChange={(e) => f.setPostedLocal(e.target.value)}
            />
          )}
        </Field>
      </div>
      {withUrl ? (
        <Field
          label={t('media.facts.sourceUrl')}
          hint={t('media.facts.sourceUrlHint')}
          error={errors.for('/sourceUrl')}
        >
          {(a) => (
            <input
              {...a}
              dir="ltr"
              type="url"
              value={f.sourceUrl}
              onChange={(e) => f.setSourceUrl(e.target.value)}
            />
          )}
        </Field>
      ) : null}
    </>
  );
}

interface Upload {
  key: string;
  file: File;
  /** Where in the chosen folder (empty for a file chosen alone). */
  path: string;
  phase: 'waiting' | 'sending' | 'sent' | 'failed';
  sent: number;
  result?: IngestResult;
  error?: ApiError;
}

/**
 * Upload of files and whole folders: each file is streamed as the body of its own request (two
 * at a time), with the bytes sent, then the item's processing stages as the server reports them.
 */
function UploadPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const qc = useQueryClient();
  const f = useFacts();
  const errors = useFormErrors();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const aborts = useRef(new Map<string, () => void>());
  const closed = useRef(false);
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // A folder picker is not a standard attribute: set it on the element itself.
    folderRef.current?.setAttribute('webkitdirectory', '');
    const running = aborts.current;
    closed.current = false;
    return () => {
      // Closing the panel stops its uploads: those sending, and those waiting their turn.
      closed.current = true;
      running.forEach((abort) => abort());
    };
  }, []);

  const patch = (key: string, p: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...p } : u)));

  async function run(queue: Upload[], facts: UploadFacts) {
    let next = 0;
    const worker = async () => {
      while (next < queue.length && !closed.current) {
        const u = queue[next++]!;
        patch(u.key, { phase: 'sending' });
        const job = uploadMedia(
          c.slug,
          u.file,
          {
            ...facts,
            name: u.file.name.slice(0, 255) || 'unnamed',
            ...(u.path ? { from: u.path.slice(0, 1000) } : {}),
          },
          (sent) => patch(u.key, { sent }),
        );
        aborts.current.set(u.key, job.abort);
        try {
          const result = await job.done;
          patch(u.key, { phase: 'sent', sent: u.file.size, result });
        } catch (e) {
          patch(u.key, { phase: 'failed', error: e instanceof ApiError ? e : undefined });
        } finally {
          aborts.current.delete(u.key);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
    await qc.invalidateQueries({ queryKey: ['case', c.slug, 'media'] });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const chosen = [...(filesRef.current?.files ?? []), ...(folderRef.current?.files ?? [])];
    const ok = errors.check({
      files: chosen.length === 0 && t('media.upload.chooseFirst'),
      '/sourceUrl': urlProblem(t, f.sourceUrl),
      '/postedAt': f.postedLocal && !f.postedAt && t('time.badFormat'),
    });
    if (!ok) return;
    const queue: Upload[] = chosen.map((file, i) => ({
      key: `${Date.now()}-${i}`,
      file,
      path: file.webkitRelativePath || '',
      phase: 'waiting',
      sent: 0,
    }));
    setUploads((all) => [...queue, ...all]);
    if (filesRef.current) filesRef.current.value = '';
    if (folderRef.current) folderRef.current.value = '';
    void run(queue, f.facts());
  }

  return (
    <section className="card add-media" aria-labelledby="upload-h">
      <h2 id="upload-h">{t('media.upload.title')}</h2>
      <p className="small muted">{t('media.upload.lead')}</p>
      <form onSubmit={submit} noValidate>
        <div className="row wrap">
          <Field label={t('media.upload.files')} error={errors.for('files')}>
            {(a) => <input {...a} ref={filesRef} type="file" multiple />}
          </Field>
          <Field label={t('media.upload.folder')} hint={t('media.upload.folderHint')}>
            {(a) => <input {...a} ref={folderRef} type="file" multiple />}
          </Field>
        </div>
        <FactFields f={f} withUrl errors={errors} />
        <SaveCancel busy={false} onCancel={onClose} label={t('media.upload.submit')} />
      </form>
      {uploads.length > 0 ? (
        <ol className="plain uploads" aria-label={t('media.upload.progress')}>
          {uploads.map((u) => (
            <UploadRow key={u.key} u={u} onStop={() => aborts.current.get(u.key)?.()} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function UploadRow({ u, onStop }: { u: Upload; onStop: () => void }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const item = u.result?.item;
  // After the bytes, the item's own processing (read again until it is done).
  const live = useLiveItem(c.slug, item?.id, item ? inProgress(item.status) : false);
  const shown = live ?? item;
  return (
    <li className="upload">
      <p>
        <strong>
          <UserText>{u.path || u.file.name}</UserText>
        </strong>{' '}
        <span className="muted small">
          <Bytes n={u.file.size} />
        </span>
      </p>
      {u.phase === 'waiting' ? <p className="small muted">{t('media.upload.waiting')}</p> : null}
      {u.phase === 'sending' ? (
        <p className="small">
          <progress max={u.file.size || 1} value={u.sent} aria-label={t('media.upload.sending')} />{' '}
          {t('media.upload.sent')} <Bytes n={u.sent} /> / <Bytes n={u.file.size} />{' '}
          <button type="button" className="link-button" onClick={onStop}>
            {t('media.upload.stop')}
          </button>
        </p>
      ) : null}
      {u.phase === 'failed' ? (
        u.error ? (
          <ErrorNotice error={u.error} />
        ) : (
          <p className="error">{t('errors.unexpected')}</p>
        )
      ) : null}
      {shown ? (
        <p className="small">
          <MediaState item={shown} />{' '}
          {u.result?.duplicate ? <Badge kind="duplicate">{t('media.upload.duplicate')}</Badge> : null}{' '}
          <Link href={`/media/${shown.id}`}>{t('media.open')}</Link>
        </p>
      ) : null}
    </li>
  );
}

/** An item read again every second while `active` (an upload's processing). */
function useLiveItem(caseSlug: string, id: string | undefined, active: boolean) {
  const [item, setItem] = useState<MediaItem | null>(null);
  useEffect(() => {
    if (!id || !active) return;
    let stop = false;
    const tick = async () => {
      while (!stop) {
        try {
          const m = await ok(
            api.GET('/api/cases/{caseId}/media/{id}', { params: { path: { caseId: caseSlug, id } } }),
          );
          if (stop) return;
          setItem(m);
          if (!inProgress(m.status)) return;
        } catch {
          // a passing failure: try again
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    void tick();
    return () => {
      stop = true;
    };
  }, [caseSlug, id, active]);
  return item;
}

/** Capture of a web address: athar fetches it (never the browser), keeps the exchange, stores the media. */
function CapturePanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const f = useFacts();
  const errors = useFormErrors();
  const [url, setUrl] = useState('');
  const [done, setDone] = useState<UrlCaptureResult | null>(null);
  const capture = useWrite(
    (body: { url: string; notes?: string; platform?: string; account?: string; postedAt?: string }) =>
      ok(api.POST('/api/cases/{caseId}/media/capture', { params: { path: { caseId: c.slug } }, body })),
    () => [['case', c.slug, 'media']],
    (out) => setDone(out),
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    const ok = errors.check({
      '/url': (!url.trim() && t('form.requiredField')) || urlProblem(t, url),
      '/postedAt': f.postedLocal && !f.postedAt && t('time.badFormat'),
    });
    if (!ok) return;
    setDone(null);
    const { name: _name, sourceUrl: _url, ...facts } = f.facts();
    capture.mutate({ url: url.trim(), ...facts }, { onError: (err) => errors.fromServer(err) });
  }
  return (
    <section className="card add-media" aria-labelledby="capture-h">
      <h2 id="capture-h">{t('media.url.title')}</h2>
      <p className="small muted">{t('media.url.lead', { warc: WARC })}</p>
      <form onSubmit={submit} noValidate>
        <Field label={t('media.url.url')} required error={errors.for('/url')}>
          {(a) => <input {...a} dir="ltr" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />}
        </Field>
        <FactFields f={f} withUrl={false} errors={errors} />
        <ErrorNotice error={errors.general(['/url', '/notes', '/platform', '/account', '/postedAt'])} />
        <SaveCancel
          busy={capture.isPending}
          onCancel={onClose}
          label={capture.isPending ? t('media.url.fetching') : t('media.url.submit')}
        />
      </form>
      {done ? <CaptureDone out={done} /> : null}
    </section>
  );
}

function CaptureDone({ out }: { out: UrlCaptureResult }) {
  const { t } = useTranslation();
  const items = [out.item, ...out.linked.map((l) => l.item)].flatMap((x) => (x ? [x.item] : []));
  const failed = out.linked.filter((l) => l.error);
  return (
    <div className="notice notice-ok" role="status">
      <p>
        {t('media.url.done', { count: items.length })}{' '}
        <span className="small muted">
          {t('media.url.kept', { status: out.capture.httpStatus, warc: WARC })}{' '}
          <span dir="ltr" className="url">
            {out.capture.finalUrl}
          </span>
        </span>
      </p>
      {items.length > 0 ? (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <Link href={`/media/${item.id}`}>
                <UserText>{item.name}</UserText>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {failed.length > 0 ? (
        <ul className="small">
          {failed.map((l) => (
            <li key={l.url}>
              {t('media.url.linkedFailed')}{' '}
              <span dir="ltr" className="url">
                {l.url}
              </span>
              : <span dir="auto">{l.error!.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The fact-checker's one question about a file — seen before? where first? — without storing it. */
function CheckPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const input = useRef<HTMLInputElement>(null);
  const [sent, setSent] = useState<{ n: number; of: number } | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setError(null);
      setResult(null);
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const job = checkMedia(c.slug, file, (n, of) => setSent({ n, of }));
      setResult(await job.done);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setSent(null);
    }
  }
  return (
    <section className="card add-media" aria-labelledby="check-h">
      <h2 id="check-h">{t('media.check.title')}</h2>
      <p className="small muted">{t('media.check.lead')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <Field label={t('media.check.file')}>{(a) => <input {...a} ref={input} type="file" />}</Field>
        <SaveCancel
          busy={busy}
          onCancel={onClose}
          label={busy ? t('media.check.checking') : t('media.check.submit')}
        />
      </form>
      {sent ? (
        <p className="small">
          <progress max={sent.of || 1} value={sent.n} aria-label={t('media.upload.sending')} />{' '}
          {sent.n >= sent.of ? t('media.check.comparing') : null}
        </p>
      ) : null}
      <ErrorNotice error={error} />
      {result ? <CheckAnswer r={result} /> : null}
    </section>
  );
}

function CheckAnswer({ r }: { r: CheckResult }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  return (
    <div className="check-answer" aria-live="polite">
      <p className="small muted" dir="ltr">
        {SHA256} <code>{r.sha256}</code>
      </p>
      <h3>{t('media.check.known', { count: r.matches.length })}</h3>
      {r.matches.length === 0 && r.restricted === 0 ? <p>{t('media.check.notKnown')}</p> : null}
      {r.matches.length > 0 ? (
        <ul className="plain">
          {r.matches.map((m) => (
            <li key={m.itemId} className="card">
              <Link
                href={`${m.caseId === c.id ? `/media/${m.itemId}` : `~/cases/${m.caseId}/media/${m.itemId}`}${m.ranges[0] ? `?t=${Math.round(m.ranges[0].targetStart)}` : ''}`}
              >
                {t(`media.how.${m.how}`)}
              </Link>{' '}
              <Badge kind={`match-${m.status}`}>{t(`media.matchStatus.${m.status}`)}</Badge>{' '}
              {m.distance !== null ? (
                <span className="small">{t('media.distance', { bits: m.distance })}</span>
              ) : null}
              {m.variant ? (
                <span className="block small muted" dir="auto">
                  {m.variant}
                </span>
              ) : null}
              {m.ranges.map((rg, i) => (
                <span key={i} className="block small">
                  {t('media.range', {
                    query: `${clockTime(rg.queryStart)}–${clockTime(rg.queryEnd)}`,
                    target: `${clockTime(rg.targetStart)}–${clockTime(rg.targetEnd)}`,
                  })}
                </span>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      {r.restricted > 0 ? (
        <p className="restricted">{t('media.restrictedCount', { count: r.restricted })}</p>
      ) : null}
      <h3>{t('media.firstSeen.title')}</h3>
      <FirstSeenText firstSeen={r.firstSeen} />
      <h3>{t('media.signals.title')}</h3>
      <SignalList signals={r.signals} />
      <p className="small muted">{t('media.check.notStored')}</p>
    </div>
  );
}

/**
 * The evidence package: the untouched originals, their captures, custody, WARCs and time-stamps,
 * checkable without athar (its README says how). Exporting is recorded on the audit trail.
 */
function ExportEvidence() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const [state, setState] = useState<{ busy: boolean; done?: string; error?: unknown }>({ busy: false });
  async function go() {
    setState({ busy: true });
    try {
      const out = await downloadEvidence(c.slug);
      setState({ busy: false, done: out.sha256 });
    } catch (e) {
      setState({ busy: false, error: e });
    }
  }
  return (
    <details className="export-evidence">
      <summary>{t('media.export.title')}</summary>
      <p className="small muted">{t('media.export.lead')}</p>
      <p>
        <button type="button" onClick={() => void go()} disabled={state.busy}>
          {state.busy ? t('media.export.working') : t('media.export.submit')}
        </button>
      </p>
      {state.done ? (
        <p className="notice notice-ok" role="status">
          {t('media.export.done')}{' '}
          <code className="hash" dir="ltr">
            {state.done}
          </code>
        </p>
      ) : null}
      <ErrorNotice error={state.error} />
    </details>
  );
}

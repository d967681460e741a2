import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { api, ApiError, ok } from '../../api/client';
import { useWrite } from '../../api/hooks';
import { placeLabel, usePlaces } from '../../api/case-data';
import {
  inProgress,
  mediaPath,
  useMediaItem,
  type MediaCapture,
  type MediaDetail,
  type VisibleMatch,
  type WebCapture,
} from '../../api/media';
import { useCaseRights, useCurrentCase } from '../../components/case-context';
import { History } from '../../components/history';
import {
  Bytes,
  FirstSeenText,
  hiddenFlags,
  MediaState,
  MediaThumb,
  SignalList,
} from '../../components/media-bits';
import { Badge, Empty, ErrorNotice, Query, translatedOr, useTitle, UserText } from '../../components/ui';
import { InstantText } from '../../components/when';
import { clockTime } from '../../lib/format';

/** The hash's name, the same in every language. */
const SHA256 = 'SHA-256';
const FLAGS = ['graphic', 'identifiable', 'deleted_by_source'] as const;

/** One media item: the file, where it came from, what it says, its copies and first appearance. */
export default function MediaItemPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const q = useMediaItem(c.slug, id);
  useTitle(q.data ? q.data.name : t('media.item'));
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link href="/media">{t('media.title')}</Link>
      </p>
      {q.error instanceof ApiError && q.error.status === 404 ? (
        <>
          <h1>{t('media.item')}</h1>
          <p>{t('media.notFound')}</p>
        </>
      ) : (
        <Query q={q}>{(m) => <Item key={m.id} m={m} />}</Query>
      )}
    </div>
  );
}

function Item({ m }: { m: MediaDetail }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const rights = useCaseRights();
  return (
    <>
      <h1 className="media-title">
        <UserText>{m.name}</UserText>
      </h1>
      <p className="badges">
        <Badge kind="kind">{t(`media.kind.${m.kind}`)}</Badge>
        {m.isDemo ? <Badge kind="demo">{t('common.demo')}</Badge> : null}
        {m.sensitivity.map((f) => (
          <Badge key={f} kind="sensitivity">
            {t(`media.sensitivity.${f}`)}
          </Badge>
        ))}
        <span className="small">
          <MediaState item={m} />
        </span>
      </p>
      <div className="two-col media-item">
        <div>
          <Viewer m={m} />
          <section aria-labelledby="facts-h">
            <h2 id="facts-h">{t('media.file')}</h2>
            <dl className="facts">
              <dt>{SHA256}</dt>
              <dd dir="ltr">
                <code className="hash">{m.sha256}</code>
              </dd>
              <dt>{t('media.size')}</dt>
              <dd>
                <Bytes n={m.size} />
                {m.width && m.height ? (
                  <>
                    {' · '}
                    <span dir="ltr">{`${m.width}×${m.height}`}</span>
                  </>
                ) : null}
                {m.durationS !== null ? ` · ${clockTime(m.durationS)}` : ''}
              </dd>
              <dt>{t('media.added')}</dt>
              <dd>
                <InstantText at={m.createdAt} caseZone={c.timeZone} />
              </dd>
            </dl>
          </section>
          {rights.canWrite ? <Flags m={m} /> : null}
          <Captures captures={m.captures} web={m.webCaptures} />
          <Metadata m={m} />
          <Credentials credentials={m.credentials} />
        </div>
        <div>
          <section aria-labelledby="first-h">
            <h2 id="first-h">{t('media.firstSeen.title')}</h2>
            <FirstSeenText firstSeen={m.firstSeen} selfId={m.id} />
            <ClusterTimeline m={m} />
          </section>
          <section aria-labelledby="signals-h">
            <h2 id="signals-h">{t('media.signals.title')}</h2>
            <p className="small muted">{t('media.signals.lead')}</p>
            <SignalList signals={m.signals} />
          </section>
          <Matches m={m} />
        </div>
      </div>
      <History entityType="media_item" entityId={m.id} />
    </>
  );
}

/**
 * The picture or the player. The page first shows the thumbnail (a working copy); the original
 * is opened only when asked, since each opening is a custody event on the audit trail. A video
 * opens at `?t=SECONDS` when the address says so (a sighting, a matched range).
 */
function Viewer({ m }: { m: MediaDetail }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const params = new URLSearchParams(useSearch());
  const asked = Number(params.get('t'));
  const [open, setOpen] = useState(false);
  const [reveal, setReveal] = useState(false);
  const [at, setAt] = useState(Number.isFinite(asked) && asked > 0 ? asked : 0);
  const player = useRef<HTMLVideoElement>(null);
  const veiled = hiddenFlags(m).length > 0 && !reveal;
  const original = `${mediaPath(c.slug, m.id)}/original`;
  // A video a browser would not play as it is plays from its web rendition (a working copy).
  const source = m.kind === 'video' && m.hasRendition ? `${mediaPath(c.slug, m.id)}/rendition` : original;
  const playable = m.status === 'processed' && (m.kind === 'image' || m.kind === 'video');
  const seek = (seconds: number) => {
    // Open: move the player (changing its address would read the file again from the start).
    if (open && player.current) {
      player.current.currentTime = seconds;
      void player.current.play().catch(() => undefined);
    } else {
      setAt(seconds);
      setOpen(true);
    }
  };
  return (
    <section aria-labelledby="viewer-h" className="viewer">
      <h2 id="viewer-h" className="sr-only">
        {t('media.viewer')}
      </h2>
      {open && !veiled ? (
        m.kind === 'video' ? (
          // Evidence comes without captions; the page's text says what it is.
          // eslint-disable-next-line jsx-a11y/media-has-caption
          <video
            ref={player}
            controls
            preload="metadata"
            src={at > 0 ? `${source}#t=${at}` : source}
            className="player"
          >
            {t('media.noPlayer')}
          </video>
        ) : (
          <img src={original} alt={t('media.originalAlt')} className="player" />
        )
      ) : (
        <MediaThumbReveal m={m} onReveal={() => setReveal(true)} revealed={reveal} />
      )}
      <p className="row wrap small">
        {playable && !open ? (
          <button type="button" onClick={() => setOpen(true)} disabled={veiled}>
            {m.kind === 'video'
              ? m.hasRendition
                ? t('media.playRendition')
                : t('media.play')
              : t('media.openOriginal')}
          </button>
        ) : null}
        <a href={`${original}?download=true`} className="button">
          {t('media.download')}
        </a>
        <span className="muted">{t('media.custodyNote')}</span>
      </p>
      {m.kind === 'video' && m.hasRendition ? (
        <p className="small notice">{t('media.renditionNote')}</p>
      ) : null}
      {m.kind === 'video' && at > 0 ? (
        <p className="small">{t('media.opensAt', { at: clockTime(at) })}</p>
      ) : null}
      {m.keyframes && !veiled ? <Keyframes m={m} strip={m.keyframes} onSeek={seek} /> : null}
    </section>
  );
}

/** The keyframe strip: each frame a button that plays the video from there. */
function Keyframes({
  m,
  strip,
  onSeek,
}: {
  m: MediaDetail;
  strip: NonNullable<MediaDetail['keyframes']>;
  onSeek: (seconds: number) => void;
}) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const url = `${mediaPath(c.slug, m.id)}/keyframes`;
  // Shown at most 96 px high; each tile is a window on the one strip image.
  const scale = Math.min(1, 96 / strip.tileHeight);
  const w = Math.round(strip.tileWidth * scale);
  const h = Math.round(strip.tileHeight * scale);
  return (
    <div className="keyframes" role="group" aria-label={t('media.keyframes')}>
      {strip.times.map((time, i) => (
        <button
          key={i}
          type="button"
          className="keyframe"
          aria-label={t('media.playFrom', { at: clockTime(time) })}
          onClick={() => onSeek(time)}
        >
          <span
            className="keyframe-image"
            style={{
              width: w,
              height: h,
              backgroundImage: `url("${url}")`,
              backgroundSize: `${w * strip.times.length}px ${h}px`,
              backgroundPosition: `${-i * w}px 0`,
            }}
          />
          <span className="keyframe-time" dir="ltr">
            {clockTime(time)}
          </span>
        </button>
      ))}
    </div>
  );
}

function MediaThumbReveal({
  m,
  onReveal,
  revealed,
}: {
  m: MediaDetail;
  onReveal: () => void;
  revealed: boolean;
}) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const flags = hiddenFlags(m);
  if (flags.length === 0 || revealed) return <MediaThumb item={{ ...m, sensitivity: [] }} large />;
  return (
    <span className="media-thumb large veiled">
      {m.hasThumbnail ? <img src={`${mediaPath(c.slug, m.id)}/thumbnail`} alt="" /> : null}
      <span className="veil">
        <span className="small">
          {t('media.hidden', { flags: flags.map((f) => t(`media.sensitivity.${f}`)).join(', ') })}
        </span>
        <button type="button" onClick={onReveal}>
          {t('media.showAnyway')}
        </button>
      </span>
    </span>
  );
}

/** Sensitivity flags and the place, set by the case's writers. */
function Flags({ m }: { m: MediaDetail }) {
  const { t, i18n } = useTranslation();
  const c = useCurrentCase();
  const places = usePlaces(c.slug);
  const [flags, setFlags] = useState<string[]>(m.sensitivity);
  const [placeId, setPlaceId] = useState(m.placeId ?? '');
  const save = useWrite(
    (body: { sensitivity: MediaDetail['sensitivity']; placeId: string | null }) =>
      ok(
        api.PATCH('/api/cases/{caseId}/media/{id}', { params: { path: { caseId: c.slug, id: m.id } }, body }),
      ),
    () => [
      ['case', c.slug, 'media'],
      ['case', c.slug, 'history'],
    ],
  );
  const changed =
    flags.slice().sort().join() !== m.sensitivity.slice().sort().join() || placeId !== (m.placeId ?? '');
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({
      sensitivity: FLAGS.filter((f) => flags.includes(f)),
      placeId: placeId || null,
    });
  }
  return (
    <section aria-labelledby="flags-h">
      <h2 id="flags-h">{t('media.flags.title')}</h2>
      <form onSubmit={submit}>
        <fieldset>
          <legend className="small muted">{t('media.flags.lead')}</legend>
          {FLAGS.map((f) => (
            <label key={f} className="check">
              <input
                type="checkbox"
                checked={flags.includes(f)}
                onChange={(e) => setFlags(e.target.checked ? [...flags, f] : flags.filter((x) => x !== f))}
              />{' '}
              {t(`media.sensitivity.${f}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('media.flags.place')}{' '}
          <select value={placeId} onChange={(e) => setPlaceId(e.target.value)}>
            <option value="">{t('media.flags.noPlace')}</option>
            {(places.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {placeLabel(p, i18n.language)}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" className="primary" disabled={!changed || save.isPending}>
          {t('common.save')}
        </button>
        <ErrorNotice error={save.error} />
      </form>
    </section>
  );
}

function Captures({ captures, web }: { captures: MediaCapture[]; web: WebCapture[] }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  return (
    <section aria-labelledby="captures-h">
      <h2 id="captures-h">{t('media.captures.title')}</h2>
      <p className="small muted">{t('media.captures.lead')}</p>
      <ol className="plain">
        {captures.map((k) => (
          <li key={k.id} className="card capture">
            <p>
              <strong>{t(`media.captures.method.${k.method}`)}</strong> <span dir="auto">{k.capturedBy}</span>{' '}
              · <InstantText at={k.capturedAt} caseZone={c.timeZone} />
            </p>
            <dl className="facts small">
              {k.fileName ? (
                <>
                  <dt>{t('media.captures.fileName')}</dt>
                  <dd>
                    <UserText>{k.fileName}</UserText>
                  </dd>
                </>
              ) : null}
              {k.capturedFrom ? (
                <>
                  <dt>{t('media.captures.from')}</dt>
                  <dd>
                    <UserText>{k.capturedFrom}</UserText>
                  </dd>
                </>
              ) : null}
              <dt>{t('media.captures.tool')}</dt>
              <dd dir="ltr">
                {k.tool} {k.toolVersion}
              </dd>
              <dt>{t('media.captures.hashAtCollection')}</dt>
              <dd dir="ltr">
                <code className="hash">{k.sha256}</code>
              </dd>
              {k.sourceUrl ? (
                <>
                  <dt>{t('media.facts.sourceUrl')}</dt>
                  <dd dir="ltr" className="url">
                    {k.sourceUrl}
                  </dd>
                </>
              ) : null}
              {k.platform || k.account ? (
                <>
                  <dt>{t('media.captures.claimedSource')}</dt>
                  <dd dir="auto">{[k.platform, k.account].filter(Boolean).join(' · ')}</dd>
                </>
              ) : null}
              {k.title ? (
                <>
                  <dt>{t('media.captures.claimedTitle')}</dt>
                  <dd>
                    <UserText>{k.title}</UserText>
                  </dd>
                </>
              ) : null}
              {k.postedAt ? (
                <>
                  <dt>{t('media.captures.postedAt')}</dt>
                  <dd>
                    <InstantText at={k.postedAt} caseZone={c.timeZone} />{' '}
                    <Badge kind="claimed">{t('media.firstSeen.claimed')}</Badge>
                  </dd>
                </>
              ) : null}
              {k.notes ? (
                <>
                  <dt>{t('media.facts.notes')}</dt>
                  <dd>
                    <UserText>{k.notes}</UserText>
                  </dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ol>
      {web.length > 0 ? (
        <>
          <h3>{t('media.captures.web')}</h3>
          <ul className="plain">
            {web.map((w) => (
              <li key={w.id} className="card small">
                <p dir="ltr" className="url">
                  {w.url}
                </p>
                {w.finalUrl !== w.url ? (
                  <p>
                    {t('media.captures.redirected', { count: w.redirects })}{' '}
                    <span dir="ltr" className="url">
                      {w.finalUrl}
                    </span>
                  </p>
                ) : null}
                <p>
                  {`HTTP ${w.httpStatus}`} · {t('media.captures.address')}{' '}
                  <span dir="ltr">{w.remoteAddress}</span> ·{' '}
                  <InstantText at={w.capturedAt} caseZone={c.timeZone} />
                </p>
                <p>
                  <a href={`/api/cases/${encodeURIComponent(c.slug)}/media/captures/${w.id}/warc`}>
                    {t('media.captures.warc', { warc: 'WARC' })}
                  </a>{' '}
                  (<Bytes n={w.warcSize} />) <span className="muted">{t('media.custodyNote')}</span>
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

type Meta = {
  error?: string;
  tags?: Record<string, string | number>;
  warnings?: string[];
  summary?: {
    mime: string | null;
    make: string | null;
    model: string | null;
    software: string | null;
    createdAsWritten: string | null;
    gps: { latitude: number; longitude: number } | null;
    digitalSourceType: string | null;
    hasDescriptiveMetadata: boolean;
  };
  container?: {
    error?: string;
    format?: string | null;
    encoder?: string | null;
    createdAsWritten?: string | null;
    streams?: { type?: string; codec?: string | null; width?: number | null; height?: number | null }[];
  };
};

/** What the file says about itself — attacker-controlled text, shown as text, never followed. */
function Metadata({ m }: { m: MediaDetail }) {
  const { t } = useTranslation();
  const meta = m.metadata as Meta | null;
  const rows: [string, string][] = [];
  const s = meta?.summary;
  if (s) {
    const add = (k: string, v: string | null | undefined) => {
      if (v) rows.push([k, v]);
    };
    add('media.meta.mime', s.mime);
    add('media.meta.camera', [s.make, s.model].filter(Boolean).join(' '));
    add('media.meta.software', s.software);
    add('media.meta.created', s.createdAsWritten);
    add('media.meta.gps', s.gps ? `${s.gps.latitude}, ${s.gps.longitude}` : null);
    add('media.meta.digitalSourceType', s.digitalSourceType);
  }
  const k = meta?.container;
  if (k && !k.error) {
    if (k.format) rows.push(['media.meta.container', k.format]);
    if (k.encoder) rows.push(['media.meta.encoder', k.encoder]);
    if (k.createdAsWritten) rows.push(['media.meta.containerCreated', k.createdAsWritten]);
  }
  const tags = Object.entries(meta?.tags ?? {});
  return (
    <section aria-labelledby="meta-h">
      <h2 id="meta-h">{t('media.meta.title')}</h2>
      <p className="small muted">{t('media.meta.lead')}</p>
      {meta === null ? (
        <Empty>{inProgress(m.status) ? t('media.meta.notYet') : t('media.meta.none')}</Empty>
      ) : (
        <>
          {meta.error ? <p className="error">{meta.error}</p> : null}
          {k?.error ? <p className="error">{k.error}</p> : null}
          {rows.length > 0 ? (
            <dl className="facts">
              {rows.map(([key, v]) => (
                <div key={key}>
                  <dt>{t(key)}</dt>
                  <dd>
                    <UserText>{v}</UserText>
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
          {s && !s.hasDescriptiveMetadata ? <p className="small">{t('media.meta.stripped')}</p> : null}
          {tags.length > 0 ? (
            <details>
              <summary>{t('media.meta.allTags', { count: tags.length })}</summary>
              <table className="table small meta-tags">
                <tbody>
                  {tags.map(([tag, v]) => (
                    <tr key={tag}>
                      <th scope="row" dir="ltr">
                        {tag}
                      </th>
                      <td>
                        <UserText>{String(v)}</UserText>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}

type Creds = {
  state: 'none' | 'valid' | 'invalid' | 'remote' | 'unreadable' | 'not_read';
  validationState?: string | null;
  codes?: string[];
  signer?: { issuer: string | null; commonName: string | null; time: string | null } | null;
  claimGenerator?: string | null;
  actions?: { action: string; digitalSourceType: string | null; softwareAgent: string | null }[];
  ai?: 'trained' | 'algorithmic' | null;
  error?: string | null;
};

/** Content credentials (C2PA) as read offline; a missing manifest is not a sign of anything. */
function Credentials({ credentials }: { credentials: MediaDetail['credentials'] }) {
  const { t } = useTranslation();
  const cr = credentials as Creds | null;
  return (
    <section aria-labelledby="c2pa-h">
      <h2 id="c2pa-h">{t('media.c2pa.title')}</h2>
      {!cr ? (
        <Empty>{t('media.meta.notYet')}</Empty>
      ) : (
        <>
          <p>
            <Badge kind={`c2pa-${cr.state}`}>{translatedOr(`media.c2pa.state.${cr.state}`, cr.state)}</Badge>{' '}
            <span className="small muted">{translatedOr(`media.c2pa.stateHint.${cr.state}`, '')}</span>
          </p>
          {cr.ai ? <p className="signal">{t(`media.c2pa.ai.${cr.ai}`)}</p> : null}
          <dl className="facts small">
            {cr.signer ? (
              <>
                <dt>{t('media.c2pa.signer')}</dt>
                <dd>
                  <UserText>{[cr.signer.commonName, cr.signer.issuer].filter(Boolean).join(' — ')}</UserText>
                  {cr.signer.time ? ` · ${cr.signer.time}` : ''}
                </dd>
              </>
            ) : null}
            {cr.claimGenerator ? (
              <>
                <dt>{t('media.c2pa.generator')}</dt>
                <dd>
                  <UserText>{cr.claimGenerator}</UserText>
                </dd>
              </>
            ) : null}
            {cr.validationState ? (
              <>
                <dt>{t('media.c2pa.validation')}</dt>
                <dd dir="ltr">
                  {cr.validationState}
                  {cr.codes && cr.codes.length > 0 ? ` (${cr.codes.join(', ')})` : ''}
                </dd>
              </>
            ) : null}
            {cr.error ? (
              <>
                <dt>{t('media.c2pa.error')}</dt>
                <dd>
                  <UserText>{cr.error}</UserText>
                </dd>
              </>
            ) : null}
          </dl>
          {cr.actions && cr.actions.length > 0 ? (
            <>
              <h3 className="h3">{t('media.c2pa.actions')}</h3>
              <ol className="small">
                {cr.actions.map((a, i) => (
                  <li key={i} dir="ltr">
                    {a.action}
                    {a.softwareAgent ? ` · ${a.softwareAgent}` : ''}
                    {a.digitalSourceType ? ` · ${a.digitalSourceType}` : ''}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

/** The times the cluster of copies was seen, earliest first: observed by athar, or claimed by a source. */
function ClusterTimeline({ m }: { m: MediaDetail }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  type Row = { at: string; observed: boolean; itemId: string; caseId: string; self: boolean; what: string };
  const rows: Row[] = [];
  for (const k of m.captures) {
    rows.push({
      at: k.capturedAt,
      observed: true,
      itemId: m.id,
      caseId: m.caseId,
      self: true,
      what: t('media.timeline.captured'),
    });
    if (k.postedAt)
      rows.push({
        at: k.postedAt,
        observed: false,
        itemId: m.id,
        caseId: m.caseId,
        self: true,
        what: t('media.timeline.posted', {
          where: [k.platform, k.account].filter(Boolean).join(' · ') || t('common.unknown'),
        }),
      });
  }
  for (const x of m.matches) {
    if (!('itemId' in x) || x.status === 'rejected') continue;
    const label = x.status === 'confirmed' ? t('media.timeline.copy') : t('media.timeline.possibleCopy');
    if (x.capturedAt)
      rows.push({
        at: x.capturedAt,
        observed: true,
        itemId: x.itemId,
        caseId: x.caseId,
        self: false,
        what: `${label} · ${t('media.timeline.captured')}`,
      });
    if (x.postedAt)
      rows.push({
        at: x.postedAt,
        observed: false,
        itemId: x.itemId,
        caseId: x.caseId,
        self: false,
        what: `${label} · ${t('media.timeline.posted', { where: [x.platform, x.account].filter(Boolean).join(' · ') || t('common.unknown') })}`,
      });
  }
  if (rows.length <= 1) return null;
  rows.sort((a, b) => a.at.localeCompare(b.at));
  return (
    <>
      <p className="small muted">{t('media.firstSeen.confirmedOnly')}</p>
      <ol className="plain cluster-timeline" aria-label={t('media.timeline.title')}>
        {rows.map((r, i) => (
          <li key={i} className={r.observed ? 'observed' : 'claimed'}>
            <InstantText at={r.at} caseZone={c.timeZone} />{' '}
            <Badge kind={r.observed ? 'observed' : 'claimed'}>
              {r.observed ? t('media.firstSeen.observed') : t('media.firstSeen.claimed')}
            </Badge>{' '}
            {r.self ? (
              <span>
                {r.what} ({t('media.timeline.thisItem')})
              </span>
            ) : (
              <Link href={r.caseId === c.id ? `/media/${r.itemId}` : `~/cases/${r.caseId}/media/${r.itemId}`}>
                {r.what}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * Matches: the item and one copy side by side (flip through them), with how they match — the
 * bits apart, the variant (flipped, rotated, cropped), the matched time ranges — and, for a
 * reviewer, confirm or reject. A copy in a case the reader may not see is only said to exist.
 */
function Matches({ m }: { m: MediaDetail }) {
  const { t } = useTranslation();
  const visible = m.matches.filter((x): x is VisibleMatch => 'itemId' in x);
  const restricted = m.matches.length - visible.length;
  const [i, setI] = useState(0);
  const at = Math.min(i, Math.max(0, visible.length - 1));
  return (
    <section aria-labelledby="matches-h">
      <h2 id="matches-h">{t('media.matches.title')}</h2>
      {visible.length === 0 && restricted === 0 ? (
        <Empty>{inProgress(m.status) ? t('media.meta.notYet') : t('media.matches.none')}</Empty>
      ) : null}
      {visible.length > 0 ? (
        <>
          <p className="row small">
            <button type="button" onClick={() => setI(at - 1)} disabled={at === 0}>
              {t('media.matches.previous')}
            </button>
            <span aria-live="polite">{t('media.matches.position', { n: at + 1, of: visible.length })}</span>
            <button type="button" onClick={() => setI(at + 1)} disabled={at >= visible.length - 1}>
              {t('media.matches.next')}
            </button>
          </p>
          <MatchPair m={m} x={visible[at]!} />
        </>
      ) : null}
      {restricted > 0 ? (
        <p className="restricted">{t('media.restrictedCount', { count: restricted })}</p>
      ) : null}
    </section>
  );
}

function MatchPair({ m, x }: { m: MediaDetail; x: VisibleMatch }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const rights = useCaseRights();
  const other = useMediaItem(x.caseId === c.id ? c.slug : x.caseId, x.itemId);
  const decide = useWrite(
    (decision: 'confirmed' | 'rejected') =>
      ok(
        api.POST('/api/cases/{caseId}/media/{id}/matches', {
          params: { path: { caseId: c.slug, id: m.id } },
          body: { otherId: x.itemId, decision },
        }),
      ),
    () => [
      ['case', c.slug, 'media'],
      ['case', c.slug, 'history'],
    ],
  );
  const href = x.caseId === c.id ? `/media/${x.itemId}` : `~/cases/${x.caseId}/media/${x.itemId}`;
  return (
    <article className="card match">
      <div className="pair">
        <figure>
          <MediaThumb item={m} />
          <figcaption className="small">{t('media.matches.this')}</figcaption>
        </figure>
        <figure>
          {other.data ? (
            <MediaThumb item={other.data} caseSlug={x.caseId === c.id ? c.slug : x.caseId} />
          ) : (
            <span className="media-thumb none">
              {other.isPending ? t('common.loading') : t('media.kind.unknown')}
            </span>
          )}
          <figcaption className="small">
            <Link href={href}>
              {other.data ? <UserText>{other.data.name}</UserText> : t('media.matches.other')}
            </Link>
            {x.caseId !== c.id ? <span className="block muted">{t('media.matches.otherCase')}</span> : null}
          </figcaption>
        </figure>
      </div>
      <p>
        <Badge kind={`match-${x.status}`}>{t(`media.matchStatus.${x.status}`)}</Badge>{' '}
        {t(`media.how.${x.how}`)}
        {x.distance !== null ? ` · ${t('media.distance', { bits: x.distance })}` : ''}
        {x.queryMatch !== null
          ? ` · ${t('media.matches.share', { pct: Math.round(x.queryMatch * 100) })}`
          : ''}
      </p>
      {x.variant ? (
        <p className="small" dir="auto">
          {x.variant}
        </p>
      ) : null}
      {x.ranges.length > 0 ? (
        <ul className="small">
          {x.ranges.map((r, i) => (
            <li key={i}>
              {t('media.range', {
                query: `${clockTime(r.queryStart)}–${clockTime(r.queryEnd)}`,
                target: `${clockTime(r.targetStart)}–${clockTime(r.targetEnd)}`,
              })}{' '}
              <Link href={`${href}?t=${Math.round(r.targetStart)}`}>{t('media.matches.openThere')}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="small muted">
        {x.capturedAt ? (
          <>
            {t('media.timeline.captured')} <InstantText at={x.capturedAt} caseZone={c.timeZone} />
          </>
        ) : null}
        {x.postedAt ? (
          <>
            {' · '}
            {t('media.timeline.posted', {
              where: [x.platform, x.account].filter(Boolean).join(' · ') || t('common.unknown'),
            })}{' '}
            <InstantText at={x.postedAt} caseZone={c.timeZone} />
          </>
        ) : null}
        {x.decidedBy ? ` · ${t('media.matches.decidedBy', { who: x.decidedBy })}` : ''}
      </p>
      {rights.canReview && x.how !== 'sha256' ? (
        <p className="row">
          <button
            type="button"
            className="primary"
            disabled={decide.isPending || x.status === 'confirmed'}
            onClick={() => decide.mutate('confirmed')}
          >
            {t('media.matches.confirm')}
          </button>
          <button
            type="button"
            disabled={decide.isPending || x.status === 'rejected'}
            onClick={() => decide.mutate('rejected')}
          >
            {t('media.matches.reject')}
          </button>
        </p>
      ) : null}
      <ErrorNotice error={decide.error} />
    </article>
  );
}

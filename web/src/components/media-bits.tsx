// Pieces of the media pages: a thumbnail that keeps graphic or identifying pictures blurred until
// the viewer chooses to see them, an item's processing state, and the signals with their sources.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { inProgress, mediaPath, type CheckResult, type MediaItem, type MediaSignal } from '../api/media';
import { formatBytes } from '../lib/format';
import { useCurrentCase } from './case-context';
import { Badge, translatedOr, useLocale, UserText } from './ui';
import { InstantText } from './when';

/** The flags that keep a picture out of sight until someone chooses to look. */
export function hiddenFlags(item: Pick<MediaItem, 'sensitivity'>): MediaItem['sensitivity'] {
  return item.sensitivity.filter((f) => f === 'graphic' || f === 'identifiable');
}

/**
 * An item's thumbnail (a working copy, not the original), blurred behind a button when the item
 * is marked graphic or identifiable; the choice to look lasts for this page only.
 */
export function MediaThumb({
  item,
  caseSlug,
  large = false,
}: {
  item: Pick<MediaItem, 'id' | 'hasThumbnail' | 'sensitivity' | 'kind'>;
  caseSlug?: string;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const [shown, setShown] = useState(false);
  const flags = hiddenFlags(item);
  const veiled = flags.length > 0 && !shown;
  const cls = large ? 'media-thumb large' : 'media-thumb';
  if (!item.hasThumbnail)
    return (
      <span className={`${cls} none`} role="img" aria-label={t('media.noThumbnail')}>
        {t(`media.kind.${item.kind}`)}
      </span>
    );
  return (
    <span className={veiled ? `${cls} veiled` : cls}>
      <img src={`${mediaPath(caseSlug ?? c.slug, item.id)}/thumbnail`} alt="" loading="lazy" />
      {veiled ? (
        <span className="veil">
          <span className="small">
            {t('media.hidden', { flags: flags.map((f) => t(`media.sensitivity.${f}`)).join(', ') })}
          </span>
          <button type="button" onClick={() => setShown(true)}>
            {t('media.showAnyway')}
          </button>
        </span>
      ) : null}
    </span>
  );
}

/** Where an item is: received, processing (stage and percent), processed, or why it is not. */
export function MediaState({
  item,
}: {
  item: Pick<MediaItem, 'status' | 'stage' | 'progress' | 'statusReason'>;
}) {
  const { t } = useTranslation();
  if (inProgress(item.status))
    return (
      <span className="media-state">
        <span>
          {t(`media.status.${item.status}`)}
          {item.stage ? ` · ${translatedOr(`media.stage.${item.stage}`, item.stage)}` : ''}
        </span>
        <progress max={100} value={item.progress} aria-label={t('media.processing')} />
      </span>
    );
  return (
    <span className={`media-state status-${item.status}`}>
      {t(`media.status.${item.status}`)}
      {item.statusReason && item.status !== 'processed' ? (
        <>
          {': '}
          <UserText>{item.statusReason}</UserText>
        </>
      ) : null}
    </span>
  );
}

export function Bytes({ n }: { n: number }) {
  const locale = useLocale();
  return <>{formatBytes(locale, n)}</>;
}

/** The signals on an item: evidence for a person to weigh, each with what it rests on. */
export function SignalList({ signals }: { signals: MediaSignal[] }) {
  const { t } = useTranslation();
  if (signals.length === 0) return <p className="empty">{t('media.signals.none')}</p>;
  return (
    <ul className="plain signals">
      {signals.map((s, i) => (
        <li key={`${s.code}-${i}`} className={`signal signal-${s.code}`}>
          <strong>{t(`media.signals.code.${s.code}`)}</strong>
          <span className="block small" dir="auto">
            {s.detail}
          </span>
          <span className="block small muted">
            {t('media.signals.source')} <span dir="auto">{s.source}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** First seen: the earliest time of the cluster, whether athar saw it or a source claims it. */
export function FirstSeenText({
  firstSeen,
  selfId,
}: {
  firstSeen: CheckResult['firstSeen'];
  selfId?: string;
}) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  if (!firstSeen) return <p className="empty">{t('media.firstSeen.unknown')}</p>;
  return (
    <p className="first-seen">
      <strong>
        <InstantText at={firstSeen.at} caseZone={c.timeZone} />
      </strong>{' '}
      <Badge kind={firstSeen.observed ? 'observed' : 'claimed'}>
        {firstSeen.observed ? t('media.firstSeen.observed') : t('media.firstSeen.claimed')}
      </Badge>{' '}
      {firstSeen.itemId === selfId ? (
        <span className="muted small">{t('media.firstSeen.thisItem')}</span>
      ) : (
        <Link href={`/media/${encodeURIComponent(firstSeen.itemId)}`}>{t('media.firstSeen.provenBy')}</Link>
      )}
      <span className="block small muted">
        {firstSeen.observed ? t('media.firstSeen.observedHint') : t('media.firstSeen.claimedHint')}
      </span>
    </p>
  );
}

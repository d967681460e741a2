import { useTranslation } from 'react-i18next';
import type { When } from '../api/types';
import { showInstant, showWhen, zoneFor, zoneName, type Precision, type ShowIn } from '../lib/format';
import { usePrefs } from '../lib/prefs';
import { useLocale } from './ui';

const COARSE: ReadonlySet<Precision> = new Set(['year', 'month', 'day', 'hour']);

/**
 * A time as its source gave it: "9 December 2024, 16:45 Syria Time", no more precise than known,
 * in the source's zone unless the reader asked for UTC or their own (a date alone stays the
 * source's). The instant and the words as written are in the tooltip.
 */
export function WhenText({
  when,
  caseZone,
  mode,
}: {
  when: Pick<When, 'at' | 'precision' | 'timeZone'> & { asWritten?: string | null | undefined };
  caseZone: string;
  mode?: ShowIn | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const prefs = usePrefs();
  const shown = showWhen(locale, when, mode ?? prefs.zoneMode, caseZone);
  const title = [
    t('time.utcInstant', { at: when.at }),
    when.timeZone ? t('time.sourceZone', { zone: when.timeZone }) : t('time.caseZone', { zone: caseZone }),
    when.asWritten ? t('time.asWritten', { text: when.asWritten }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <time dateTime={when.at} title={title} className="when">
      {shown.text} <span className="zone">{shown.zoneName}</span>
      {COARSE.has(shown.precision) ? (
        <span className="precision"> ({t(`time.precision.${shown.precision}`)})</span>
      ) : null}
    </time>
  );
}

/** An instant the system recorded (a change, a sign-in), to the minute, in the reader's chosen zone. */
export function InstantText({ at, caseZone }: { at: string; caseZone?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const prefs = usePrefs();
  const zone = zoneFor(prefs.zoneMode === 'source' ? 'reader' : prefs.zoneMode, caseZone ?? 'UTC');
  return (
    <time dateTime={at} title={t('time.utcInstant', { at })}>
      {showInstant(locale, at, zone, 'minute')}{' '}
      <span className="zone">{zoneName(locale, zone, new Date(at))}</span>
    </time>
  );
}

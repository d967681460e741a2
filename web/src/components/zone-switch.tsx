import { useTranslation } from 'react-i18next';
import { readerZone } from '../lib/format';
import { setPrefs, usePrefs, type ZoneMode } from '../lib/prefs';

/** Show times as the source gave them, in UTC, or in the reader's zone (kept for every page). */
export function ZoneSwitch() {
  const { t } = useTranslation();
  const { zoneMode } = usePrefs();
  const modes: ZoneMode[] = ['source', 'utc', 'reader'];
  return (
    <fieldset className="zone-switch">
      <legend>{t('prefs.times')}</legend>
      {modes.map((m) => (
        <label key={m}>
          <input
            type="radio"
            name="zone-mode"
            value={m}
            checked={zoneMode === m}
            onChange={() => setPrefs({ zoneMode: m })}
          />{' '}
          {m === 'reader'
            ? t('prefs.timesReaderZone', { zone: readerZone() })
            : t(`prefs.times${m === 'source' ? 'Source' : 'Utc'}`)}
        </label>
      ))}
    </fieldset>
  );
}

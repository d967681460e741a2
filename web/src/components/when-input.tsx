import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhenInput } from '../api/types';
import { LIMITS } from '../lib/checks';
import { Field } from './ui';

/** What the reader types for a time: as precise as the source was, in the source's zone. */
export interface WhenDraft {
  at: string;
  timeZone: string;
  asWritten: string;
}
export const emptyWhen = (zone: string): WhenDraft => ({ at: '', timeZone: zone, asWritten: '' });

// The forms the server reads (src/engines/time/zoned.ts): a year, month, day, minute or second,
// or an instant with its offset.
const LOCAL = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2}(\.\d{1,9})?)?)?)?)?)?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

let zones: Set<string> | null = null;
export function knownZone(z: string): boolean {
  zones ??= new Set(
    [...(Intl.supportedValuesOf?.('timeZone') ?? []), 'UTC', 'Etc/UTC'].map((x) => x.toLowerCase()),
  );
  return zones.has(z.toLowerCase());
}

/** The desk's check of a time before sending it; null when it may be sent. */
export function whenProblem(t: (k: string) => string, d: WhenDraft, required = false): string | null {
  const at = d.at.trim();
  if (!at) return required ? t('form.requiredField') : null;
  if (!LOCAL.test(at) && !INSTANT.test(at)) return t('time.badFormat');
  const year = Number(at.slice(0, 4));
  if (year < LIMITS.yearMin) return t('time.badYear');
  if (!knownZone(d.timeZone.trim())) return t('time.badZone');
  return null;
}

export function toWhenInput(d: WhenDraft): WhenInput | undefined {
  const at = d.at.trim();
  if (!at) return undefined;
  return {
    at: at.replace(' ', 'T'),
    ...(d.timeZone.trim() ? { timeZone: d.timeZone.trim() } : {}),
    ...(d.asWritten.trim() ? { asWritten: d.asWritten.trim() } : {}),
  };
}

/** A time field: the date-time as precise as known, its zone, and the words the source used. */
export function WhenField(props: {
  label: string;
  value: WhenDraft;
  onChange: (d: WhenDraft) => void;
  error?: string | undefined;
  zoneError?: string | undefined;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const v = props.value;
  return (
    <fieldset className="when-field">
      <legend>{props.label}</legend>
      <Field
        label={t('time.at')}
        hint={t('time.atHint')}
        error={props.error}
        {...(props.required ? { required: true } : {})}
      >
        {(a) => (
          <input
            {...a}
            dir="ltr"
            inputMode="numeric"
            placeholder="2024-12-09T16:45"
            value={v.at}
            onChange={(e) => props.onChange({ ...v, at: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('time.zone')} error={props.zoneError}>
        {(a) => (
          <>
            <input
              {...a}
              dir="ltr"
              list={listId}
              value={v.timeZone}
              onChange={(e) => props.onChange({ ...v, timeZone: e.target.value })}
            />
            <datalist id={listId}>
              {(Intl.supportedValuesOf?.('timeZone') ?? []).map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label={t('time.asWrittenLabel')} hint={t('time.asWrittenHint')}>
        {(a) => (
          <input
            {...a}
            dir="auto"
            value={v.asWritten}
            onChange={(e) => props.onChange({ ...v, asWritten: e.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}

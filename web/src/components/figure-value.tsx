import { useTranslation } from 'react-i18next';
import type { Figure } from '../api/types';
import { formatNumber, showPartialDate } from '../lib/format';
import { useLocale } from './ui';

/** A figure as its source gave it: "at least 3,000 people", "between 1,000 and 1,500", with its period. */
export function FigureValue({ f }: { f: Figure }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (x: number) => formatNumber(locale, x);
  const unit = f.unit;
  let value: string;
  if (f.value !== null) value = t(`figures.qualifier.${f.qualifier}`, { value: n(f.value), unit });
  else if (f.low !== null && f.high !== null)
    value = t('figures.range', { low: n(f.low), high: n(f.high), unit });
  else if (f.low !== null) value = t('figures.qualifier.at_least', { value: n(f.low), unit });
  else if (f.high !== null) value = t('figures.qualifier.at_most', { value: n(f.high), unit });
  else value = t('figures.noValue');
  const period =
    f.period.from && f.period.to
      ? t('figures.periodFromTo', {
          from: showPartialDate(locale, f.period.from),
          to: showPartialDate(locale, f.period.to),
        })
      : f.period.from
        ? t('figures.periodFrom', { from: showPartialDate(locale, f.period.from) })
        : f.period.to
          ? t('figures.periodTo', { to: showPartialDate(locale, f.period.to) })
          : '';
  return (
    <span className="figure-value">
      <strong>{value}</strong>
      {period ? <span className="muted"> ({period})</span> : null}
    </span>
  );
}

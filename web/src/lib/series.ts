// Figures that form a series: the same label and unit over several periods (deaths per year, people
// released per day). A chart is drawn only for those; a single figure is a sentence, not a chart.
import type { Figure } from '../api/types';

export interface SeriesPoint {
  figure: Figure;
  /** Where on the time axis: the middle of the period, in ms. */
  x: number;
  /** The value, or the middle of the range. */
  y: number;
  low: number | null;
  high: number | null;
}
export interface Series {
  label: string;
  unit: string;
  points: SeriesPoint[];
}

/** The start (or end) of a partial date as ms: 1987 → 1 Jan 1987 (or 31 Dec 1987 23:59:59.999). */
export function partialDateMs(d: string, end: boolean): number {
  const [y, m, day] = d.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (!end) return Date.UTC(y, (m ?? 1) - 1, day ?? 1);
  if (day) return Date.UTC(y, m! - 1, day + 1) - 1;
  if (m) return Date.UTC(y, m, 1) - 1;
  return Date.UTC(y + 1, 0, 1) - 1;
}

export function seriesOf(figures: Figure[]): Series[] {
  const groups = new Map<string, Figure[]>();
  for (const f of figures) {
    const key = `${f.label.trim().toLocaleLowerCase()}|${f.unit.trim().toLocaleLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out: Series[] = [];
  for (const members of groups.values()) {
    const points: SeriesPoint[] = [];
    for (const f of members) {
      const from = f.period.from ?? f.period.to;
      const to = f.period.to ?? f.period.from;
      const y = f.value ?? (f.low !== null && f.high !== null ? (f.low + f.high) / 2 : (f.low ?? f.high));
      if (!from || !to || y === null) continue;
      const x = (partialDateMs(from, false) + partialDateMs(to, true)) / 2;
      points.push({ figure: f, x, y, low: f.low, high: f.high });
    }
    if (points.length >= 2)
      out.push({
        label: members[0]!.label,
        unit: members[0]!.unit,
        points: points.sort((a, b) => a.x - b.x),
      });
  }
  return out;
}

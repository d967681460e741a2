// A map drawn in the browser from Natural Earth outlines shipped in the world-atlas npm package
// (1:50m), with d3-geo: no tiles and nothing fetched from another host. A place's position is a
// dot; an approximate one is a circle of its precision's radius. Outlines at 1:50m are a few
// kilometres off at best, so the detail map says so, and shows the places' circles to scale.
import { geoCircle, geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feature, mesh } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import type { Place } from '../api/types';
import { formatNumber } from '../lib/format';
import { useLocale } from './ui';

type Outline = { land: GeoPermissibleObjects; borders: GeoPermissibleObjects };
let atlas: Promise<Outline> | null = null;
function loadAtlas(): Promise<Outline> {
  atlas ??= fetch(atlasUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`world atlas: HTTP ${r.status}`);
      return r.json() as Promise<Topology>;
    })
    .then((topo) => ({
      land: feature(topo, topo.objects.countries!) as GeoPermissibleObjects,
      borders: mesh(topo, topo.objects.countries as never, (a, b) => a !== b) as GeoPermissibleObjects,
    }));
  return atlas;
}

export interface MapPlace {
  place: Place;
  label: string;
  /** A class for the marker: which places are selected, searched, not searched. */
  tone?: string;
}

const EARTH_M_PER_DEGREE = 111_320;
const MIN_RADIUS_M = 60;

function circleOf(p: Place, radiusM: number): GeoPermissibleObjects {
  const c = p.coordinates!;
  return geoCircle()
    .center([c.longitude, c.latitude])
    .radius(Math.max(radiusM, MIN_RADIUS_M) / EARTH_M_PER_DEGREE)();
}

/** A round length for the scale bar: 1, 2 or 5 × 10^n metres, about a fifth of the map. */
function scaleLength(metresAcross: number): number {
  const target = metresAcross / 5;
  const pow = 10 ** Math.floor(Math.log10(target));
  return [5, 2, 1].map((m) => m * pow).find((v) => v <= target) ?? pow;
}

export function PlaceMap({
  places,
  width = 640,
  height = 420,
  contextKm,
  title,
  onSelect,
}: {
  places: MapPlace[];
  width?: number;
  height?: number;
  /** Zoom out to show at least this many kilometres around the places (an overview). */
  contextKm?: number;
  title: string;
  onSelect?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [outline, setOutline] = useState<Outline | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadAtlas().then(
      (o) => live && setOutline(o),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  const located = places.filter((m) => m.place.coordinates);
  const frame = useMemo(() => {
    if (located.length === 0) return null;
    const shapes = located.map((m) =>
      circleOf(m.place, contextKm ? contextKm * 500 : (m.place.coordinates!.precisionM ?? 0) * 1.15),
    );
    const projection = geoMercator().fitExtent(
      [
        [16, 16],
        [width - 16, height - 28],
      ],
      { type: 'GeometryCollection', geometries: shapes } as never,
    );
    const path = geoPath(projection);
    // Metres across the middle of the map, for the scale bar.
    const [cx, cy] = [width / 2, height / 2];
    const a = projection.invert!([cx - 50, cy])!;
    const b = projection.invert!([cx + 50, cy])!;
    const metresPer100px = Math.abs(b[0] - a[0]) * EARTH_M_PER_DEGREE * Math.cos((a[1] * Math.PI) / 180);
    const bar = scaleLength((metresPer100px * width) / 100);
    return { projection, path, bar, barPx: (bar / metresPer100px) * 100 };
  }, [located, width, height, contextKm]);

  if (!frame) return <p className="muted">{t('places.noCoordinates')}</p>;
  const { projection, path, bar, barPx } = frame;
  const barLabel =
    bar >= 1000
      ? t('places.km', { n: formatNumber(locale, bar / 1000) })
      : t('places.m', { n: formatNumber(locale, bar) });
  return (
    <figure className={contextKm ? 'map map-overview' : 'map'}>
      {/* With markers one can select, the map is a group of buttons; otherwise a picture. */}
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role={onSelect ? 'group' : 'img'}
        aria-label={title}
        style={{ direction: 'ltr' }}
      >
        <title>{title}</title>
        <rect width={width} height={height} className="sea" />
        {outline ? (
          <>
            <path d={path(outline.land) ?? ''} className="land" />
            <path d={path(outline.borders) ?? ''} className="border" />
          </>
        ) : null}
        {located.map((m) => {
          const c = m.place.coordinates!;
          const [x, y] = projection([c.longitude, c.latitude])!;
          const radius = c.precisionM ?? 0;
          return (
            <g
              key={m.place.id}
              className={`marker ${m.tone ?? ''}`}
              {...(onSelect
                ? {
                    role: 'button',
                    tabIndex: 0,
                    'aria-label': m.label,
                    onClick: () => onSelect(m.place.id),
                    onKeyDown: (e: React.KeyboardEvent) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        onSelect(m.place.id);
                      }
                    },
                  }
                : {})}
            >
              {radius > 0 && !contextKm ? (
                <path
                  d={path(circleOf(m.place, radius)) ?? ''}
                  className={c.approximate ? 'precision approximate' : 'precision'}
                />
              ) : null}
              <circle cx={x} cy={y} r={4} className="dot" />
              {contextKm ? null : (
                <text x={x + 7} y={y - 7} className="label">
                  {m.label}
                </text>
              )}
            </g>
          );
        })}
        <g transform={`translate(16, ${height - 14})`} className="scale">
          <line x1={0} x2={barPx} y1={0} y2={0} />
          <line x1={0} x2={0} y1={-4} y2={4} />
          <line x1={barPx} x2={barPx} y1={-4} y2={4} />
          <text x={barPx + 6} y={4}>
            {barLabel}
          </text>
        </g>
      </svg>
      <figcaption className="muted small">
        {failed
          ? t('places.outlinesFailed')
          : contextKm
            ? t('places.overviewCaption', { km: formatNumber(locale, contextKm) })
            : t('places.mapCaption')}
      </figcaption>
    </figure>
  );
}

// Sweep coverage of a site: for each place of the hierarchy (site → building → floor → zone),
// its own searches and how much of what lies under it was searched, so that "were the basements
// searched?" is answered at a glance. Pure, so that it is tested without a browser.
import type { Place, Sweep } from '../api/types';

export type Coverage = 'found_people' | 'found_remains' | 'ongoing' | 'searched' | 'partly' | 'not_searched';

export interface CoverageNode {
  place: Place;
  depth: number;
  sweeps: Sweep[];
  children: CoverageNode[];
  /** Searched to the end: by a sweep of its own, or because every part of it was. */
  covered: boolean;
  /** Places under this one (all depths) that are covered, of all places under it. */
  searchedBelow: number;
  totalBelow: number;
  coverage: Coverage;
}

function own(sweeps: Sweep[]): Coverage | null {
  if (sweeps.length === 0) return null;
  if (sweeps.some((s) => s.result === 'remains_found')) return 'found_remains';
  if (sweeps.some((s) => s.result === 'people_found')) return 'found_people';
  if (sweeps.every((s) => s.result === 'ongoing')) return 'ongoing';
  return 'searched';
}

/** The hierarchy of a case's places as trees, each node with its sweeps and coverage; roots by name. */
export function coverageTree(places: Place[], sweeps: Sweep[], nameOf: (p: Place) => string): CoverageNode[] {
  const byParent = new Map<string | null, Place[]>();
  const ids = new Set(places.map((p) => p.id));
  for (const p of places) {
    // A parent outside the list (not readable, or removed) makes the place a root, not lost.
    const parent = p.parentId && ids.has(p.parentId) ? p.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), p]);
  }
  const sweepsOf = new Map<string, Sweep[]>();
  for (const s of sweeps) sweepsOf.set(s.placeId, [...(sweepsOf.get(s.placeId) ?? []), s]);
  const seen = new Set<string>();
  const build = (p: Place, depth: number): CoverageNode => {
    seen.add(p.id);
    const children = (byParent.get(p.id) ?? [])
      .filter((c) => !seen.has(c.id)) // a cycle cannot loop forever
      .sort((a, b) => nameOf(a).localeCompare(nameOf(b)))
      .map((c) => build(c, depth + 1));
    const mine = (sweepsOf.get(p.id) ?? [])
      .slice()
      .sort((a, b) => (b.started?.at ?? '').localeCompare(a.started?.at ?? ''));
    const totalBelow = children.reduce((n, c) => n + 1 + c.totalBelow, 0);
    const searchedBelow = children.reduce((n, c) => n + (c.covered ? 1 : 0) + c.searchedBelow, 0);
    const covered =
      mine.some((s) => s.result !== 'ongoing') || (children.length > 0 && children.every((c) => c.covered));
    const direct = own(mine);
    const below = children.map((c) => c.coverage);
    let coverage: Coverage;
    if (direct === 'found_remains' || below.includes('found_remains')) coverage = 'found_remains';
    else if (direct === 'found_people' || below.includes('found_people')) coverage = 'found_people';
    else if (direct === 'searched') coverage = 'searched';
    else if (direct === 'ongoing' || below.includes('ongoing')) coverage = 'ongoing';
    else if (searchedBelow > 0) coverage = searchedBelow === totalBelow ? 'searched' : 'partly';
    else coverage = 'not_searched';
    return { place: p, depth, sweeps: mine, children, covered, searchedBelow, totalBelow, coverage };
  };
  return (byParent.get(null) ?? [])
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)))
    .map((p) => build(p, 0));
}

/** The nodes of the trees, depth first: the order the hierarchy is listed in. */
export function flatten(nodes: CoverageNode[]): CoverageNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

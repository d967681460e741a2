import type { Static } from '@sinclair/typebox';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { invalid } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { PlaceRepository } from './place.repository.ts';
import { presentPlace } from './present.ts';
import { requirePlace } from './references.ts';
import type { CreatePlaceBody, Place } from './schemas.ts';

/** Where a parent kind may hold a child kind: site → building → floor → zone, towns within regions. */
const PARENT_KINDS: Record<string, readonly string[]> = {
  region: ['region'],
  city: ['region'],
  town: ['region', 'city'],
  site: ['region', 'city', 'town'],
  building: ['site'],
  floor: ['building'],
  zone: ['site', 'building', 'floor', 'zone'],
};

/** Records a place; an approximate position carries the radius it lies within. */
export async function addPlace(
  ctx: Context,
  scope: CaseScope,
  input: Static<typeof CreatePlaceBody>,
  opts: { isDemo?: boolean } = {},
): Promise<Place> {
  if (input.parentId) {
    const parent = await requirePlace(ctx, scope.case.id, input.parentId, '/parentId');
    if (!PARENT_KINDS[input.kind]?.includes(parent.kind)) {
      throw invalid('place.hierarchy', `a ${input.kind} cannot be inside a ${parent.kind}`, {
        issues: [{ field: '/parentId', message: `a ${parent.kind} cannot hold a ${input.kind}` }],
      });
    }
  }
  const c = input.coordinates;
  const p = await ctx.repo(PlaceRepository).create({
    id: ctx.ids.uuid(),
    case_id: scope.case.id,
    parent_id: input.parentId ?? null,
    kind: input.kind,
    names: JSON.stringify(input.names),
    latitude: c?.latitude ?? null,
    longitude: c?.longitude ?? null,
    coord_precision_m: c?.precisionM ?? null,
    coord_approximate: c?.approximate ?? false,
    description: input.description ?? '',
    is_demo: opts.isDemo ?? false,
  });
  const out = presentPlace(p);
  ctx.audit({
    action: 'place.created',
    entityType: 'place',
    entityId: p.id,
    caseId: scope.case.id,
    after: out,
  });
  return out;
}

const placeCursor = cursorCodec('places', ['instant', 'uuid']);

export async function listPlaces(
  ctx: Context,
  scope: CaseScope,
  page: PageRequest,
): Promise<{ places: Place[]; nextCursor: string | null }> {
  const rows = await ctx.repo(PlaceRepository).page(scope.case.id, {
    limit: pageSize(page),
    ...(page.cursor ? { after: placeCursor.decode(page.cursor) } : {}),
  });
  const { items, nextCursor } = presentPage(rows, placeCursor, (p) => [p.created_at, p.id], presentPlace);
  return { places: items, nextCursor };
}

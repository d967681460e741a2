import type { Static } from '@sinclair/typebox';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { invalid, notFound } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { PlaceRepository } from './place.repository.ts';
import { presentPlace } from './present.ts';
import { requirePlace } from './references.ts';
import type { CreatePlaceBody, Place, UpdatePlaceBody } from './schemas.ts';

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

/**
 * Corrects a place: its kind, parent, names, position (null removes it) or description. The
 * hierarchy stays sound: the new parent must be able to hold the place's kind, the place's
 * children must still fit inside it, and a place cannot end up inside itself.
 */
export async function updatePlace(
  ctx: Context,
  scope: CaseScope,
  id: string,
  input: Static<typeof UpdatePlaceBody>,
): Promise<Place> {
  const places = ctx.repo(PlaceRepository);
  const before = await places.get(scope.case.id, id);
  if (!before) throw notFound('place.not_found', `no place ${id} in this case`);
  const kind = input.kind ?? before.kind;
  const parentId = input.parentId === undefined ? before.parent_id : input.parentId;
  if (parentId !== null) {
    const parent = await requirePlace(ctx, scope.case.id, parentId, '/parentId');
    if (!PARENT_KINDS[kind]?.includes(parent.kind)) {
      throw invalid('place.hierarchy', `a ${kind} cannot be inside a ${parent.kind}`, {
        issues: [{ field: '/parentId', message: `a ${parent.kind} cannot hold a ${kind}` }],
      });
    }
    // Walk up from the new parent: meeting this place would make it its own ancestor.
    for (
      let p: typeof parent | undefined = parent;
      p;
      p = p.parent_id ? await places.get(scope.case.id, p.parent_id) : undefined
    ) {
      if (p.id === id)
        throw invalid('place.hierarchy', 'a place cannot be inside itself', {
          issues: [{ field: '/parentId', message: 'inside this place' }],
        });
    }
  }
  if (kind !== before.kind) {
    const misfit = (await places.children(scope.case.id, id)).find(
      (c) => !PARENT_KINDS[c.kind]?.includes(kind),
    );
    if (misfit)
      throw invalid('place.hierarchy', `a ${kind} cannot hold the ${misfit.kind} inside it`, {
        issues: [{ field: '/kind', message: `holds a ${misfit.kind}` }],
      });
  }
  const c = input.coordinates;
  const p = await places.update(id, {
    kind,
    parent_id: parentId,
    ...(input.names !== undefined ? { names: JSON.stringify(input.names) } : {}),
    ...(c !== undefined
      ? {
          latitude: c?.latitude ?? null,
          longitude: c?.longitude ?? null,
          coord_precision_m: c?.precisionM ?? null,
          coord_approximate: c?.approximate ?? false,
        }
      : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    updated_at: ctx.clock.now(),
  });
  const out = presentPlace(p);
  ctx.audit({
    action: 'place.updated',
    entityType: 'place',
    entityId: id,
    caseId: scope.case.id,
    before: presentPlace(before),
    after: out,
  });
  return out;
}

/** Where the desk shows a record of a case, relative to the case (/cases/:slug). */
export function recordPath(entityType: string, entityId: string | null): string | null {
  if (!entityId) return null;
  const id = encodeURIComponent(entityId);
  switch (entityType) {
    case 'claim':
      return `/claims/${id}`;
    case 'statement':
      return `/statements/${id}`;
    case 'sweep':
      return `/sweeps/${id}`;
    case 'place':
      return `/places?place=${id}`;
    case 'source':
      return `/sources?source=${id}`;
    case 'figure':
      return `/figures?figure=${id}`;
    case 'media_item':
      return `/media/${id}`;
    case 'case':
      return '/';
    default:
      return null;
  }
}

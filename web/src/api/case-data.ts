// The records of one case, as the pages read them. Short lists are read whole and shared between
// pages (the places and sources name what the long lists point at).
import { useQuery } from '@tanstack/react-query';
import { api, ok } from './client';
import { allPages } from './hooks';

const path = (caseId: string) => ({ path: { caseId } });

export function useSources(slug: string) {
  return useQuery({
    queryKey: ['case', slug, 'sources'],
    queryFn: () =>
      allPages(
        (cursor) =>
          ok(
            api.GET('/api/cases/{caseId}/sources', {
              params: { ...path(slug), query: { cursor, limit: 500 } },
            }),
          ),
        'sources',
      ),
  });
}

export function usePlaces(slug: string) {
  return useQuery({
    queryKey: ['case', slug, 'places'],
    queryFn: () =>
      allPages(
        (cursor) =>
          ok(
            api.GET('/api/cases/{caseId}/places', {
              params: { ...path(slug), query: { cursor, limit: 500 } },
            }),
          ),
        'places',
      ),
  });
}

export function useSweeps(slug: string) {
  return useQuery({
    queryKey: ['case', slug, 'sweeps'],
    queryFn: () =>
      allPages(
        (cursor) =>
          ok(
            api.GET('/api/cases/{caseId}/sweeps', {
              params: { ...path(slug), query: { cursor, limit: 500 } },
            }),
          ),
        'sweeps',
      ),
  });
}

export function useFigures(slug: string) {
  return useQuery({
    queryKey: ['case', slug, 'figures'],
    queryFn: () =>
      allPages(
        (cursor) =>
          ok(
            api.GET('/api/cases/{caseId}/figures', {
              params: { ...path(slug), query: { cursor, limit: 500 } },
            }),
          ),
        'figures',
      ),
  });
}

export function useClaimCounts(slug: string) {
  return useQuery({
    queryKey: ['case', slug, 'claims', 'counts'],
    queryFn: () => ok(api.GET('/api/cases/{caseId}/claims/counts', { params: path(slug) })),
  });
}

export function useClaim(slug: string, id: string) {
  return useQuery({
    queryKey: ['case', slug, 'claims', 'one', id],
    queryFn: () =>
      ok(
        api.GET('/api/cases/{caseId}/claims/{claimId}', { params: { path: { caseId: slug, claimId: id } } }),
      ),
  });
}

export function useStatement(slug: string, id: string) {
  return useQuery({
    queryKey: ['case', slug, 'statements', 'one', id],
    queryFn: () =>
      ok(api.GET('/api/cases/{caseId}/statements/{id}', { params: { path: { caseId: slug, id } } })),
  });
}

export function useSweep(slug: string, id: string) {
  return useQuery({
    queryKey: ['case', slug, 'sweeps', 'one', id],
    queryFn: () => ok(api.GET('/api/cases/{caseId}/sweeps/{id}', { params: { path: { caseId: slug, id } } })),
  });
}

/** The name of a place in the reader's language when it has one, else its first name. */
export function placeLabel(
  p: { names: { lang: string; name: string }[] } | undefined,
  language: string,
): string {
  if (!p) return '';
  return (
    (p.names.find((n) => n.lang === language) ?? p.names.find((n) => n.lang === 'en') ?? p.names[0])?.name ??
    ''
  );
}

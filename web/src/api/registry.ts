// The registry for the desk: persons of a case, their search, one person with events. Every
// search and every opening is recorded by the server (the desk adds nothing to it).
import { useQuery } from '@tanstack/react-query';
import { api, ok } from './client';
import type { Ok, Query } from './types';

export type PersonDetail = Ok<'/api/cases/{caseId}/persons/{id}', 'get'>;
export type PersonSummary = Ok<'/api/cases/{caseId}/persons', 'get'>['persons'][number];
export type PersonEvent = PersonDetail['events'][number];
export type PersonNames = PersonDetail['names'];
export type NameParts = NonNullable<PersonNames['ar']>;
export type PersonStatus = PersonDetail['status']['status'];
export type SearchResult = Ok<'/api/cases/{caseId}/persons/search', 'get'>['results'][number];
export type SearchParams = Query<'/api/cases/{caseId}/persons/search', 'get'>;

export const STATUSES: PersonStatus[] = [
  'missing',
  'detained',
  'released',
  'reported_dead',
  'confirmed_dead',
  'unknown',
];

/** A spelling as registries write it: given, father, grandfather, family. */
export function spelling(parts: NameParts | undefined): string {
  if (!parts) return '';
  return [parts.given, parts.father, parts.grandfather, parts.family].filter(Boolean).join(' ');
}

export function usePersonSearch(caseSlug: string, params: SearchParams | null) {
  return useQuery({
    queryKey: ['case', caseSlug, 'persons', 'search', params],
    enabled: params !== null,
    queryFn: () =>
      ok(
        api.GET('/api/cases/{caseId}/persons/search', {
          params: { path: { caseId: caseSlug }, query: params! },
        }),
      ),
  });
}

export function usePersons(caseSlug: string, status: PersonStatus | null, enabled: boolean) {
  return useQuery({
    queryKey: ['case', caseSlug, 'persons', 'list', status],
    enabled,
    queryFn: () =>
      ok(
        api.GET('/api/cases/{caseId}/persons', {
          params: { path: { caseId: caseSlug }, query: { limit: 100, ...(status ? { status } : {}) } },
        }),
      ),
  });
}

export function usePerson(caseSlug: string, id: string) {
  return useQuery({
    queryKey: ['case', caseSlug, 'persons', 'one', id],
    queryFn: () =>
      ok(api.GET('/api/cases/{caseId}/persons/{id}', { params: { path: { caseId: caseSlug, id } } })),
  });
}

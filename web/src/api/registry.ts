// The registry for the desk: persons of a case, their search, one person with events. Every
// search and every opening is recorded by the server (the desk adds nothing to it).
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, csrf, ok } from './client';
import type { Body, Ok, Query } from './types';

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

export type ReleaseList = Ok<'/api/cases/{caseId}/release-lists/{id}', 'get'>;
export type ReleaseLine = ReleaseList['lines'][number];
export type ReleaseCandidate = ReleaseLine['candidates'][number];
export type ReleaseListSummary = Ok<'/api/cases/{caseId}/release-lists', 'get'>['lists'][number];

export function useReleaseLists(caseSlug: string) {
  return useQuery({
    queryKey: ['case', caseSlug, 'release-lists'],
    queryFn: () =>
      ok(api.GET('/api/cases/{caseId}/release-lists', { params: { path: { caseId: caseSlug } } })),
  });
}

export function useReleaseList(caseSlug: string, id: string) {
  return useQuery({
    queryKey: ['case', caseSlug, 'release-lists', id],
    queryFn: () =>
      ok(api.GET('/api/cases/{caseId}/release-lists/{id}', { params: { path: { caseId: caseSlug, id } } })),
  });
}

/** Sends a pasted list as the body (the server reads it as a file: text, one person per line). */
export async function sendReleaseList(
  caseSlug: string,
  text: string,
  facts: { title: string; kind: 'released' | 'seen'; date?: string },
): Promise<ReleaseList> {
  const q = new URLSearchParams({
    title: facts.title,
    kind: facts.kind,
    ...(facts.date ? { date: facts.date } : {}),
  });
  let r: Response;
  try {
    r = await fetch(`/api/cases/${encodeURIComponent(caseSlug)}/release-lists?${q.toString()}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrf.get() ?? '' },
      body: new Blob([text], { type: 'application/octet-stream' }),
    });
  } catch {
    throw new ApiError(0, { code: 'network', detail: 'athar could not be reached' }, null);
  }
  if (!r.ok) throw new ApiError(r.status, await r.json().catch(() => null), r.headers.get('retry-after'));
  return (await r.json()) as ReleaseList;
}

export async function decideLine(
  caseSlug: string,
  id: string,
  line: number,
  personId: string,
  decision: 'confirm' | 'reject',
): Promise<ReleaseList> {
  return ok(
    api.POST('/api/cases/{caseId}/release-lists/{id}/lines/{line}/decision', {
      params: { path: { caseId: caseSlug, id, line } },
      body: { personId, decision },
    }),
  );
}

export type Inquiry = Ok<'/api/cases/{caseId}/inquiries/{id}', 'get'>;
export type InquirySummary = Ok<'/api/cases/{caseId}/inquiries', 'get'>['inquiries'][number];
export type InquiryMatch = Inquiry['matches'][number];
export type RegistryTask = Inquiry['tasks'][number];
export type NewInquiry = NonNullable<Body<'/api/cases/{caseId}/inquiries', 'post'>>;
export type Contact = NonNullable<NewInquiry['contact']>;

export function useInquiries(caseSlug: string, status: 'open' | 'closed' | null) {
  return useQuery({
    queryKey: ['case', caseSlug, 'inquiries', 'list', status],
    queryFn: () =>
      ok(
        api.GET('/api/cases/{caseId}/inquiries', {
          params: { path: { caseId: caseSlug }, query: { limit: 200, ...(status ? { status } : {}) } },
        }),
      ),
  });
}

export function useInquiry(caseSlug: string, id: string) {
  return useQuery({
    queryKey: ['case', caseSlug, 'inquiries', 'one', id],
    queryFn: () =>
      ok(api.GET('/api/cases/{caseId}/inquiries/{id}', { params: { path: { caseId: caseSlug, id } } })),
  });
}

export function useRegistryTasks(caseSlug: string) {
  return useQuery({
    queryKey: ['case', caseSlug, 'inquiries', 'tasks'],
    queryFn: () =>
      ok(api.GET('/api/cases/{caseId}/registry-tasks', { params: { path: { caseId: caseSlug } } })),
  });
}

export function addInquiry(caseSlug: string, body: NewInquiry): Promise<Inquiry> {
  return ok(api.POST('/api/cases/{caseId}/inquiries', { params: { path: { caseId: caseSlug } }, body }));
}

export function decideInquiry(
  caseSlug: string,
  id: string,
  personId: string,
  decision: 'confirm' | 'reject',
): Promise<Inquiry> {
  return ok(
    api.POST('/api/cases/{caseId}/inquiries/{id}/matches/{personId}', {
      params: { path: { caseId: caseSlug, id, personId } },
      body: { decision },
    }),
  );
}

export function revealContact(caseSlug: string, id: string, reason: string) {
  return ok(
    api.POST('/api/cases/{caseId}/inquiries/{id}/contact', {
      params: { path: { caseId: caseSlug, id } },
      body: { reason },
    }),
  );
}

export function closeInquiry(caseSlug: string, id: string, reason: string): Promise<Inquiry> {
  return ok(
    api.POST('/api/cases/{caseId}/inquiries/{id}/close', {
      params: { path: { caseId: caseSlug, id } },
      body: { reason },
    }),
  );
}

export function eraseContact(caseSlug: string, id: string): Promise<Inquiry> {
  return ok(
    api.POST('/api/cases/{caseId}/inquiries/{id}/erase-contact', {
      params: { path: { caseId: caseSlug, id } },
    }),
  );
}

export function finishTask(caseSlug: string, id: string) {
  return ok(
    api.POST('/api/cases/{caseId}/registry-tasks/{id}/done', { params: { path: { caseId: caseSlug, id } } }),
  );
}

export type PersonLinks = Ok<'/api/cases/{caseId}/persons/{id}/links', 'get'>;
export type LinkKind = PersonLinks['links'][number]['kind'];
export type Certainty = PersonLinks['links'][number]['certainty'];

export function usePersonLinks(caseSlug: string, id: string) {
  return useQuery({
    queryKey: ['case', caseSlug, 'persons', 'links', id],
    queryFn: () =>
      ok(api.GET('/api/cases/{caseId}/persons/{id}/links', { params: { path: { caseId: caseSlug, id } } })),
  });
}

export function linkPerson(
  caseSlug: string,
  id: string,
  body: { personId: string; kind: LinkKind; certainty: Certainty; note?: string },
): Promise<PersonLinks> {
  return ok(
    api.POST('/api/cases/{caseId}/persons/{id}/links', { params: { path: { caseId: caseSlug, id } }, body }),
  );
}

export function unlinkPerson(caseSlug: string, id: string, otherId: string): Promise<PersonLinks> {
  return ok(
    api.DELETE('/api/cases/{caseId}/persons/{id}/links/{otherId}', {
      params: { path: { caseId: caseSlug, id, otherId } },
    }),
  );
}

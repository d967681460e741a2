// Data fetching for the desk: react-query over the typed client. Lists page by the API's cursors;
// short lists (a case's places, sources, members) are read whole, long ones (claims, statements,
// the timeline) a page at a time as the reader scrolls.
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { api, ok, type ApiError } from './client';

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: () => ok(api.GET('/api/auth/me')),
    retry: false,
    staleTime: 60_000,
  });
}

export function useCases() {
  return useQuery({
    queryKey: ['cases'],
    queryFn: () =>
      allPages((cursor) => ok(api.GET('/api/cases', { params: { query: { cursor, limit: 500 } } })), 'cases'),
  });
}

export function useCase(slug: string) {
  return useQuery({
    queryKey: ['case', slug],
    queryFn: () => ok(api.GET('/api/cases/{caseId}', { params: { path: { caseId: slug } } })),
  });
}

type PageOf<K extends string, T> = { [P in K]: T[] } & { nextCursor: string | null };

/** Every page of a list, one after the other (for lists a case keeps short). */
export async function allPages<K extends string, T>(
  fetchPage: (cursor: string | undefined) => Promise<PageOf<K, T>>,
  key: K,
  max = 20_000,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    out.push(...page[key]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < max);
  return out;
}

/** A long list, a page at a time, for virtualised scrolling. */
export function usePagedList<K extends string, T>(
  queryKey: QueryKey,
  key: K,
  fetchPage: (cursor: string | undefined) => Promise<PageOf<K, T>>,
  enabled = true,
) {
  const q = useInfiniteQuery({
    queryKey,
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items: T[] = q.data ? q.data.pages.flatMap((p) => p[key]) : [];
  return { ...q, items };
}

/** A write: on success, the queries it changed are read again. */
export function useWrite<I, O>(
  fn: (input: I) => Promise<O>,
  invalidates: (input: I, output: O) => QueryKey[],
  onDone?: (output: O) => void,
) {
  const qc = useQueryClient();
  return useMutation<O, ApiError, I>({
    mutationFn: fn,
    onSuccess: async (out, input) => {
      await Promise.all(invalidates(input, out).map((k) => qc.invalidateQueries({ queryKey: k })));
      onDone?.(out);
    },
  });
}

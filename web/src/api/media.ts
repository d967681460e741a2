// Media evidence for the desk: the file itself is the request body (streamed by the server to its
// blob store while it hashes it), so uploads go through XMLHttpRequest, the one browser API that
// reports the bytes sent; everything else goes through the typed client like the rest of the desk.
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, csrf, ok } from './client';
import type { Ok, Query } from './types';

export type MediaItem = Ok<'/api/cases/{caseId}/media', 'get'>['items'][number];
export type MediaDetail = Ok<'/api/cases/{caseId}/media/{id}', 'get'>;
export type MediaMatch = MediaDetail['matches'][number];
export type VisibleMatch = Extract<MediaMatch, { itemId: string }>;
export type MediaSignal = MediaDetail['signals'][number];
export type MediaCapture = MediaDetail['captures'][number];
export type WebCapture = MediaDetail['webCaptures'][number];
export type CheckResult = Ok<'/api/cases/{caseId}/media/check', 'post'>;
export type IngestResult = Ok<'/api/cases/{caseId}/media', 'post'>;
export type UrlCaptureResult = Ok<'/api/cases/{caseId}/media/capture', 'post'>;
export type UploadFacts = Omit<Query<'/api/cases/{caseId}/media', 'post'>, 'wait' | 'method'>;

/** Whether an item is still being worked on (its processing stage and percent are meaningful). */
export function inProgress(status: MediaItem['status']): boolean {
  return status === 'received' || status === 'processing';
}

export const mediaPath = (caseSlug: string, id: string) =>
  `/api/cases/${encodeURIComponent(caseSlug)}/media/${encodeURIComponent(id)}`;

/** An item, read again every second while it is being processed. */
export function useMediaItem(caseSlug: string, id: string) {
  return useQuery({
    queryKey: ['case', caseSlug, 'media', 'one', id],
    queryFn: () =>
      ok(api.GET('/api/cases/{caseId}/media/{id}', { params: { path: { caseId: caseSlug, id } } })),
    refetchInterval: (q) => (q.state.data && inProgress(q.state.data.status) ? 1000 : false),
  });
}

function problemOf(xhr: XMLHttpRequest): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    // not JSON: the status says enough
  }
  return new ApiError(xhr.status, body, xhr.getResponseHeader('retry-after'));
}

/**
 * Sends a file as the body of a POST, reporting the bytes sent. The promise gives the JSON answer
 * or an ApiError (status 0 when the network failed, as the typed client does); `abort` stops it.
 */
function sendFile<T>(
  url: string,
  file: Blob,
  onProgress: (sent: number, total: number) => void,
): { done: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    const token = csrf.get();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, { detail: 'not JSON' }, null));
        }
      } else reject(problemOf(xhr));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, { code: 'network', detail: 'athar could not be reached' }, null));
    xhr.onabort = () => reject(new ApiError(0, { code: 'aborted', detail: 'stopped' }, null));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

function queryString(q: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') p.set(k, v);
  return p.toString();
}

/** Stores a file as evidence of the case (a capture by upload), reporting the bytes sent. */
export function uploadMedia(
  caseSlug: string,
  file: File,
  facts: UploadFacts,
  onProgress: (sent: number, total: number) => void,
) {
  const url = `/api/cases/${encodeURIComponent(caseSlug)}/media?${queryString({ ...facts, method: 'upload' })}`;
  return sendFile<IngestResult>(url, file, onProgress);
}

/** Checks a file against everything stored, without keeping it. */
export function checkMedia(caseSlug: string, file: File, onProgress: (sent: number, total: number) => void) {
  const url = `/api/cases/${encodeURIComponent(caseSlug)}/media/check?${queryString({ name: file.name.slice(0, 255) })}`;
  return sendFile<CheckResult>(url, file, onProgress);
}

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
export function sendFile<T>(
  url: string,
  file: Blob,
  onProgress: (sent: number, total: number) => void,
  method: 'POST' | 'PATCH' = 'POST',
): { done: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open(method, url);
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

/** Files larger than this go in pieces that survive a dropped connection (see uploads.ts on the server). */
export const RESUMABLE_FROM = 16 * 1024 * 1024;
const PIECE = 8 * 1024 * 1024;
const RETRIES = 6;

/**
 * Stores a file as evidence of the case (a capture by upload), reporting the bytes sent. A large
 * file goes in pieces: after a dropped connection or a passing server error the desk asks the
 * server how much it has and goes on from there (waiting longer after each failure in a row).
 */
export function uploadMedia(
  caseSlug: string,
  file: File,
  facts: UploadFacts,
  onProgress: (sent: number, total: number) => void,
): { done: Promise<IngestResult>; abort: () => void } {
  if (file.size > RESUMABLE_FROM) return uploadInPieces(caseSlug, file, facts, onProgress);
  const url = `/api/cases/${encodeURIComponent(caseSlug)}/media?${queryString({ ...facts, method: 'upload' })}`;
  return sendFile<IngestResult>(url, file, onProgress);
}

/** Checks a file against everything stored, without keeping it. */
export function checkMedia(caseSlug: string, file: File, onProgress: (sent: number, total: number) => void) {
  const url = `/api/cases/${encodeURIComponent(caseSlug)}/media/check?${queryString({ name: file.name.slice(0, 255) })}`;
  return sendFile<CheckResult>(url, file, onProgress);
}

type AppendResult = Ok<'/api/cases/{caseId}/media/uploads/{id}', 'patch'>;

function uploadInPieces(
  caseSlug: string,
  file: File,
  facts: UploadFacts,
  onProgress: (sent: number, total: number) => void,
): { done: Promise<IngestResult>; abort: () => void } {
  let stopped = false;
  let abortPiece: (() => void) | null = null;
  const path = { caseId: caseSlug };
  const done = (async () => {
    const upload = await ok(
      api.POST('/api/cases/{caseId}/media/uploads', {
        params: { path },
        body: { ...facts, size: file.size },
      }),
    );
    const at = `/api/cases/${encodeURIComponent(caseSlug)}/media/uploads/${encodeURIComponent(upload.id)}`;
    let received = upload.received;
    let failures = 0;
    // Stopped by the person: the bytes so far are removed from the server too.
    const cancel = () =>
      api.DELETE('/api/cases/{caseId}/media/uploads/{id}', { params: { path: { ...path, id: upload.id } } });
    for (;;) {
      if (stopped) {
        await cancel();
        throw new ApiError(0, { code: 'aborted', detail: 'stopped' }, null);
      }
      const from = received;
      const piece = sendFile<AppendResult>(
        `${at}?offset=${from}`,
        file.slice(from, Math.min(file.size, from + PIECE)),
        (sent) => onProgress(from + sent, file.size),
        'PATCH',
      );
      abortPiece = piece.abort;
      try {
        const out = await piece.done;
        failures = 0;
        if (out.result) return out.result;
        received = out.upload.received;
      } catch (e) {
        if (stopped) {
          await cancel();
          throw e;
        }
        const passing = e instanceof ApiError && (e.status === 0 || e.status === 409 || e.status >= 500);
        if (!passing || ++failures > RETRIES) throw e;
        // Ask where to go on from once the connection is back; each failure in a row counts.
        for (;;) {
          await new Promise((r) => setTimeout(r, 500 * 2 ** failures));
          try {
            const state = await ok(
              api.GET('/api/cases/{caseId}/media/uploads/{id}', {
                params: { path: { ...path, id: upload.id } },
              }),
            );
            received = state.received;
            break;
          } catch (again) {
            if (stopped || !(again instanceof ApiError) || again.status !== 0 || ++failures > RETRIES)
              throw again;
          }
        }
      }
    }
  })();
  return {
    done,
    abort: () => {
      stopped = true;
      abortPiece?.();
    },
  };
}

/**
 * Downloads the case's evidence package (every item and URL capture): the archive is received
 * whole, its SHA-256 compared with the one the server recorded before sending it, then saved
 * under its export id. (A case of many gigabytes is better exported with the CLI, which streams.)
 */
export async function downloadEvidence(caseSlug: string): Promise<{ exportId: string; sha256: string }> {
  let r: Response;
  try {
    r = await fetch(`/api/cases/${encodeURIComponent(caseSlug)}/media/export`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf.get() ?? '' },
      body: '{}',
    });
  } catch {
    throw new ApiError(0, { code: 'network', detail: 'athar could not be reached' }, null);
  }
  if (!r.ok) throw new ApiError(r.status, await r.json().catch(() => null), r.headers.get('retry-after'));
  const bytes = await r.arrayBuffer();
  const recorded = r.headers.get('x-athar-sha256') ?? '';
  const got = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  if (got !== recorded)
    throw new ApiError(
      0,
      { code: 'media.export_damaged', detail: `received ${got}, recorded ${recorded}` },
      null,
    );
  const exportId = r.headers.get('x-athar-export-id') ?? 'export';
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/x-tar' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `athar-evidence-${exportId}.tar`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { exportId, sha256: got };
}

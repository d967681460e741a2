/**
 * Resumable uploads: a large video sent over a poor connection must not start again from zero.
 * The protocol is athar's own, small enough to write by hand (tus inspired it; this is not tus):
 *
 *   POST   /api/cases/C/media/uploads            {size, name, …what one says of the file} → {id, received: 0}
 *   PATCH  /api/cases/C/media/uploads/ID?offset=N  body: the next bytes      → {received} (+ result when whole)
 *   GET    /api/cases/C/media/uploads/ID                                   → {received, size, …}
 *   DELETE /api/cases/C/media/uploads/ID                                   → gone
 *
 * A piece is accepted only at the offset the server has (`received`), else 409 and the client
 * asks where to go on from. The bytes are written and flushed to disk before `received` moves,
 * and a piece cut off midway is discarded (the file is cut back to `received` before the next
 * write), so after a crash or a dropped connection the file and the row agree. One request at a
 * time holds an upload (a hold that lapses after HOLD_S, in the database, so it works across
 * processes). When the last byte arrives the file is stored like any upload — hashed into the
 * blob store, one capture in one transaction — and the upload records the capture it became, so
 * a repeated last piece (its answer lost) gives the same capture, not a second one. Only the
 * person who began an upload can see or continue it. Uploads untouched for
 * ATHAR_UPLOAD_EXPIRY_H hours are removed by the hourly sweep.
 */
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { conflict, forbidden, invalid, notFound, tooLarge } from '#src/platform/errors.ts';
import { ingest, type CaptureFacts } from './ingest.ts';
import { MediaRepository } from './media.repository.ts';
import { presentCapture, presentItem } from './present.ts';
import type { IngestResult, UploadQuery } from './schemas.ts';
import { UploadRepository, type MediaUploadRow } from './upload.repository.ts';

/** How long one request may hold an upload while it writes a piece. */
const HOLD_S = 15 * 60;

export interface UploadState {
  id: string;
  name: string;
  size: number;
  received: number;
  complete: boolean;
  createdAt: string;
  updatedAt: string;
}

function present(r: MediaUploadRow): UploadState {
  const facts = r.facts as { name: string };
  return {
    id: r.id,
    name: facts.name,
    size: Number(r.size),
    received: Number(r.received),
    complete: r.item_id !== null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const uploadNotFound = () =>
  notFound('media.upload_not_found', 'there is no such upload of yours in this case');

async function mine(ctx: Context, scope: CaseScope, id: string): Promise<MediaUploadRow> {
  const row = await ctx.transaction((tx) => tx.repo(UploadRepository).find(id, scope.case.id));
  if (!row || row.created_by_id !== ctx.actor.userId) throw uploadNotFound();
  return row;
}

/** Begins an upload of `size` bytes; what one says of the file is kept for its capture. */
export async function startUpload(
  ctx: Context,
  scope: CaseScope,
  body: { size: number } & Omit<UploadQuery, 'wait'>,
  clientAddress: string | null,
): Promise<UploadState> {
  const { size, ...facts } = body;
  if (size > ctx.config.mediaLimitBytes)
    throw tooLarge(
      'media.too_large',
      `the file is larger than the upload limit of ${ctx.config.mediaLimitBytes} bytes (ATHAR_MEDIA_LIMIT_BYTES)`,
    );
  if (facts.postedAt && Number.isNaN(new Date(facts.postedAt).getTime()))
    throw invalid('validation.body', `postedAt: not a time: ${facts.postedAt}`, {
      issues: [{ field: '/postedAt', message: 'not a time' }],
    });
  const userId = ctx.actor.userId;
  if (!userId) throw forbidden('media.upload_user', 'a resumable upload belongs to a signed-in user');
  const id = ctx.ids.uuid();
  const file = ctx.blobs.uploadPath(id);
  const fh = await open(file, 'wx', 0o600);
  await fh.close();
  try {
    const row = await ctx.transaction((tx) =>
      tx.repo(UploadRepository).create({
        id,
        case_id: scope.case.id,
        created_by_id: userId,
        size: String(size),
        received: '0',
        facts: JSON.stringify({ ...facts, clientAddress }),
        created_at: tx.clock.now(),
        updated_at: tx.clock.now(),
      }),
    );
    return present(row);
  } catch (e) {
    await rm(file, { force: true });
    throw e;
  }
}

export async function showUpload(ctx: Context, scope: CaseScope, id: string): Promise<UploadState> {
  return present(await mine(ctx, scope, id));
}

/** The capture a completed upload became (for a repeated last piece). */
async function resultOf(ctx: Context, row: MediaUploadRow): Promise<IngestResult> {
  return ctx.transaction(async (tx) => {
    const repo = tx.repo(MediaRepository);
    const item = await repo.item(row.item_id!);
    const capture = (await repo.captures([row.item_id!])).find((c) => c.id === row.capture_id);
    if (!item || !capture) throw uploadNotFound();
    return {
      item: presentItem(item),
      capture: presentCapture(capture),
      duplicate: item.created_at.getTime() !== capture.captured_at.getTime(),
    };
  });
}

/**
 * Writes the next piece at `offset`; when it completes the file, stores it as evidence. The piece
 * is refused (409) at any other offset than the server's, and (413) past the declared size.
 */
export async function appendToUpload(
  ctx: Context,
  scope: CaseScope,
  id: string,
  offset: number,
  piece: Readable,
): Promise<{ upload: UploadState; result: IngestResult | null }> {
  let row = await mine(ctx, scope, id);
  if (row.item_id) {
    // The last piece again (its answer was lost): the same answer. Anything else adds bytes.
    let length = 0;
    for await (const chunk of piece as AsyncIterable<Buffer>) length += chunk.length;
    if (offset + length !== Number(row.size))
      throw conflict('media.upload_complete', 'this upload is complete; nothing more can be added');
    return { upload: present(row), result: await resultOf(ctx, row) };
  }
  const now = ctx.clock.now();
  const claimed = await ctx.transaction((tx) =>
    tx.repo(UploadRepository).claim(id, offset, now, new Date(now.getTime() + HOLD_S * 1000)),
  );
  if (!claimed) {
    piece.resume();
    const current = await mine(ctx, scope, id);
    throw Number(current.received) === offset
      ? conflict('media.upload_busy', 'another request is writing to this upload; try again shortly')
      : conflict(
          'media.upload_offset',
          `the server has ${Number(current.received)} bytes of this upload; send from offset ${Number(current.received)}`,
        );
  }
  row = claimed;
  const size = Number(row.size);
  const file = ctx.blobs.uploadPath(id);
  let written = 0;
  const fh = await open(file, 'r+');
  try {
    // What a request cut off midway left past `received` does not count.
    await fh.truncate(offset);
    for await (const chunk of piece as AsyncIterable<Buffer>) {
      if (offset + written + chunk.length > size) {
        await fh.truncate(offset);
        throw tooLarge('media.upload_overflow', `more bytes than the ${size} this upload declared`);
      }
      await fh.write(chunk, 0, chunk.length, offset + written);
      written += chunk.length;
    }
    await fh.sync();
  } catch (e) {
    await fh.truncate(offset).catch(() => undefined);
    await ctx.transaction((tx) => tx.repo(UploadRepository).release(id));
    throw e;
  } finally {
    await fh.close();
  }
  const received = offset + written;
  row = await ctx.transaction((tx) =>
    tx.repo(UploadRepository).advance(id, received, received === size, tx.clock.now()),
  );
  if (received < size) return { upload: present(row), result: null };

  const { clientAddress, ...facts } = row.facts as CaptureFacts & { clientAddress: string | null };
  let result: IngestResult;
  try {
    result = await ingest(
      ctx,
      scope,
      createReadStream(file),
      { ...facts, method: 'upload', clientAddress },
      {
        within: async (tx, itemId, captureId) => {
          // Once only: were it completed meanwhile, this capture's transaction is undone.
          if (!(await tx.repo(UploadRepository).complete(id, itemId, captureId, tx.clock.now())))
            throw conflict('media.upload_complete', 'this upload was completed by another request');
        },
      },
    );
  } catch (e) {
    // Not stored: the upload is let go, so the last piece can be sent again.
    await ctx.transaction((tx) => tx.repo(UploadRepository).release(id));
    throw e;
  }
  await rm(file, { force: true });
  return { upload: present(await mine(ctx, scope, id)), result };
}

/** Abandons an upload that is not complete: its bytes so far are removed. */
export async function cancelUpload(ctx: Context, scope: CaseScope, id: string): Promise<void> {
  const row = await mine(ctx, scope, id);
  if (row.item_id)
    throw conflict('media.upload_complete', 'this upload is complete: its file is evidence now');
  if (row.busy_until && row.busy_until > ctx.clock.now())
    throw conflict(
      'media.upload_busy',
      'a piece of this upload is being written or stored; try again shortly',
    );
  await ctx.transaction((tx) => tx.repo(UploadRepository).remove(id));
  await rm(ctx.blobs.uploadPath(id), { force: true });
}

/** Removes uploads untouched for ATHAR_UPLOAD_EXPIRY_H hours (their bytes, then their rows). */
export async function sweepUploads(ctx: Context): Promise<{ removed: number }> {
  const before = new Date(ctx.clock.now().getTime() - ctx.config.uploadExpiryH * 3600_000);
  let removed = 0;
  for (;;) {
    const stale = await ctx.transaction((tx) => tx.repo(UploadRepository).stale(before));
    if (stale.length === 0) return { removed };
    for (const r of stale) {
      await rm(ctx.blobs.uploadPath(r.id), { force: true });
      await ctx.transaction((tx) => tx.repo(UploadRepository).remove(r.id));
      removed++;
    }
  }
}

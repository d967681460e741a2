/**
 * "Check a file": fingerprint it and look for it among every stored item, without keeping it
 * (nothing is stored, nothing is recorded but the check itself). What the reader may not see is
 * counted, never described.
 */
import type { Readable } from 'node:stream';
import { caseIdsOf } from '#src/modules/cases/index.ts';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { isAppError } from '#src/platform/errors.ts';
import { fingerprintInWorker } from '#src/platform/media/fingerprint-pool.ts';
import type { HashIndex } from './hash-index.ts';
import { findMatches } from './matching.ts';
import { MediaRepository } from './media.repository.ts';
import { beforeEventSignal, earliest } from './media.ts';
import type { CheckResult } from './schemas.ts';

export async function checkFile(
  ctx: Context,
  scope: CaseScope,
  index: HashIndex,
  body: Readable,
  name: string,
): Promise<CheckResult> {
  const { fp, sha256 } = await ctx.blobs.withTemporary(
    body,
    ctx.config.mediaLimitBytes,
    async (file, sha) => {
      try {
        const f = await fingerprintInWorker(
          file,
          { maxPixels: ctx.config.maxImagePixels },
          {
            ffmpegTimeoutS: ctx.config.ffmpegTimeoutS,
            ffmpegPath: ctx.config.ffmpegPath,
            ffprobePath: ctx.config.ffprobePath,
          },
        );
        return { fp: f, sha256: sha };
      } catch (e) {
        if (isAppError(e)) {
          const reason = (e.details as { reason?: string } | undefined)?.reason ?? e.message;
          throw Object.assign(e, { message: `${name}: ${reason}` });
        }
        throw e;
      }
    },
  );
  const found = await findMatches(ctx, index, fp, { self: null, sha256 });
  const repo = ctx.repo(MediaRepository);
  const visible = new Set(await caseIdsOf(ctx, ctx.actor.userId));
  visible.add(scope.case.id);
  const items = new Map((await repo.items(found.map((m) => m.itemId))).map((r) => [r.id, r]));
  const shown = found.filter((m) => visible.has(items.get(m.itemId)?.case_id ?? ''));
  const captures = await repo.captures(shown.map((m) => m.itemId));
  const matches = shown.map((m) => {
    const cs = captures.filter((c) => c.item_id === m.itemId);
    const c0 = cs[0];
    return {
      itemId: m.itemId,
      caseId: items.get(m.itemId)!.case_id,
      how: m.how,
      status: m.status,
      distance: m.distance,
      variant: m.variant,
      queryMatch: m.queryMatch,
      ranges: m.ranges,
      capturedAt: c0?.captured_at.toISOString() ?? null,
      postedAt: cs.find((c) => c.posted_at)?.posted_at?.toISOString() ?? null,
      platform: c0?.platform ?? null,
      account: c0?.account ?? null,
    };
  });
  // First seen among the copies the reader may see, as for a stored item.
  const firstSeen = earliest(captures);
  const before = beforeEventSignal(firstSeen, scope.case.event_start);
  const signals: CheckResult['signals'] = before ? [before] : [];
  return {
    sha256,
    kind: fp.kind,
    matches,
    restricted: found.length - shown.length,
    firstSeen,
    signals,
  };
}

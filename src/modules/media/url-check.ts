/**
 * Whether the sources of captured media are still online: every URL athar captured (the final
 * address of each web capture) is asked again — with the same guards as a capture, headers only,
 * no body kept — on a schedule (ATHAR_URL_CHECK_CRON), and each answer is recorded. A URL that
 * answers 404 or 410, or whose host no longer resolves, is gone; any other failure (403, 429, 5xx,
 * a timeout: platforms block and stumble) is recorded as "could not check", not as gone. An item
 * whose source is gone carries the `source_offline` signal with the time it was first found gone
 * (in the latest unbroken run of such checks): Syrian Archive found a tenth of its videos removed
 * from the platforms later.
 */
import type { Context } from '#src/platform/context.ts';
import { isAppError } from '#src/platform/errors.ts';
import { safeFetch } from '#src/platform/net/safe-fetch.ts';
import { TOOL_VERSION } from './ingest.ts';
import { MediaRepository, type UrlCheckRow } from './media.repository.ts';
import type { Signal } from './schemas.ts';

export interface UrlCheckReport {
  checked: number;
  online: number;
  gone: number;
  unchecked: number;
}

const GONE_STATUS = new Set([404, 410]);

/** Asks every captured URL again and records the answers. */
export async function checkCapturedUrls(ctx: Context): Promise<UrlCheckReport> {
  const repo = ctx.repo(MediaRepository);
  const urls = await repo.capturedUrls();
  const report: UrlCheckReport = { checked: 0, online: 0, gone: 0, unchecked: 0 };
  await ctx.blobs.withScratch(async (fileIn) => {
    for (const url of urls) {
      let online = false;
      let status: number | null = null;
      let reason: string | null = null;
      try {
        const hops = await safeFetch(
          url,
          {
            allowPrivate: ctx.config.captureAllowPrivate,
            timeoutS: ctx.config.captureTimeoutS,
            maxBytes: Number.MAX_SAFE_INTEGER,
            userAgent: `athar/${TOOL_VERSION} (evidence capture; checking the source is still online)`,
            headersOnly: true,
          },
          fileIn('unused'),
        );
        status = hops[hops.length - 1]!.status;
        online = status >= 200 && status < 400;
        if (!online)
          reason = GONE_STATUS.has(status) ? `gone: HTTP ${status}` : `could not check: HTTP ${status}`;
      } catch (e) {
        if (!isAppError(e)) throw e;
        const gone = (e.details as { reason?: string } | undefined)?.reason === 'ENOTFOUND';
        reason = `${gone ? 'gone' : 'could not check'}: ${e.message}`;
      }
      await ctx.transaction((tx) =>
        tx.repo(MediaRepository).recordUrlCheck({
          id: tx.ids.uuid(),
          url,
          checked_at: tx.clock.now(),
          online,
          http_status: status,
          reason,
        }),
      );
      report.checked++;
      if (online) report.online++;
      else if (reason?.startsWith('gone')) report.gone++;
      else report.unchecked++;
    }
  });
  return report;
}

const isGone = (c: UrlCheckRow) => !c.online && (c.reason ?? '').startsWith('gone');

/** The `source_offline` signal for captures' URLs whose latest check found them gone. */
export function sourceOfflineSignals(urls: readonly string[], checks: readonly UrlCheckRow[]): Signal[] {
  const out: Signal[] = [];
  for (const url of new Set(urls)) {
    const mine = checks.filter((c) => c.url === url);
    const last = mine[mine.length - 1];
    if (!last || !isGone(last)) continue;
    let first = last;
    for (let i = mine.length - 1; i >= 0 && isGone(mine[i]!); i--) first = mine[i]!;
    out.push({
      code: 'source_offline',
      source: `re-check of ${url}`,
      detail: `the source URL is no longer online (${last.reason?.replace(/^gone: /, '')}); first found gone ${first.checked_at.toISOString()}, last checked ${last.checked_at.toISOString()}; the captured copy is kept`,
    });
  }
  return out;
}

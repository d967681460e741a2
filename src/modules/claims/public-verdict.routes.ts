import { Type } from '@sinclair/typebox';
import { escapeHtml, jsonForHtml } from '#src/platform/http/safe-output.ts';
import type { Router } from '#src/platform/http/router.ts';
import { Uuid } from '#src/platform/schemas.ts';
import { publishedVerdict } from './public-verdict.ts';

const VERDICT_WORDS: Record<string, string> = {
  false: 'False',
  misleading: 'Misleading',
  unproven: 'Unproven',
  true: 'True',
};
const Params = Type.Object({ claimId: Uuid });
const open = { kind: 'public' } as const;

/** Published verdicts at their public URLs: a page for people (with its ClaimReview inside) and the JSON-LD alone. */
export function publicVerdictRoutes(r: Router): void {
  r.get(
    '/public/verdicts/:claimId',
    {
      access: open,
      tags: ['public'],
      summary: 'A published verdict, for people (HTML with its ClaimReview)',
      params: Params,
    },
    async (ctx, { params }, { reply }) => {
      const { claim, review } = await publishedVerdict(ctx, params.claimId);
      void reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300');
      return page(
        claim.text,
        claim.language,
        claim.verdict ?? '',
        claim.summary ?? '',
        String(review.author && (review.author as { name?: string }).name),
        String(review.datePublished),
        jsonForHtml(review),
      );
    },
  );

  r.get(
    '/public/verdicts/:claimId/claimreview.json',
    {
      access: open,
      tags: ['public'],
      summary: 'A published verdict as schema.org ClaimReview JSON-LD',
      params: Params,
    },
    async (ctx, { params }, { reply }) => {
      const { review } = await publishedVerdict(ctx, params.claimId);
      void reply.type('application/ld+json; charset=utf-8').header('cache-control', 'public, max-age=300');
      return jsonForHtml(review);
    },
  );
}

function page(
  text: string,
  lang: string,
  verdict: string,
  summary: string,
  author: string,
  published: string,
  jsonLd: string,
): string {
  const e = escapeHtml;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(VERDICT_WORDS[verdict] ?? verdict)}: ${e(text.slice(0, 80))}</title>
<script type="application/ld+json">${jsonLd}</script>
<style>body{font:17px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b;background:#fbfaf7}
.verdict{font-size:1.4rem;font-weight:700} blockquote{margin:1rem 0;padding:.5rem 1rem;border-inline-start:4px solid #6b5b3e;background:#f1ede4} .muted{color:#555;font-size:.9rem}</style>
</head><body>
<p class="muted">Fact check by ${e(author)} · published ${e(published)}</p>
<blockquote lang="${e(lang)}" dir="auto">${e(text)}</blockquote>
<p class="verdict">${e(VERDICT_WORDS[verdict] ?? verdict)}</p>
<p dir="auto">${e(summary)}</p>
</body></html>`;
}

import type { Command } from 'commander';
import type { Static } from '@sinclair/typebox';
import type { Claim, SimilarClaim } from '#src/modules/claims/index.ts';
import { withClient } from '../client.ts';
import { connectOptions, emit, humanInstant, humanWhen, intOption, whenOption } from '../common.ts';
import { table } from '../output.ts';
import { action } from '../run.ts';

type Similar = Static<typeof SimilarClaim>;
const claimsUrl = (ref: string) => `/api/cases/${encodeURIComponent(ref)}/claims`;
const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function similarTable(rows: Similar[]): string {
  return table(
    ['SCORE', 'CASE', 'STATUS', 'VERDICT', 'CLAIM', 'ID'],
    rows.map((s) => [s.score.toFixed(2), s.caseSlug, s.status, s.verdict ?? '', clip(s.text), s.id]),
  );
}

function claimDetail(c: Claim): string {
  return [
    c.text,
    `id ${c.id} · ${c.status}${c.verdict ? ` · verdict ${c.verdict} (rating ${c.rating}/5)` : ''}${c.publishedAt ? ` · published ${humanInstant(c.publishedAt)}` : ''}`,
    c.firstSeen ? `first seen ${humanWhen(c.firstSeen)}` : '',
    c.summary ? `summary: ${c.summary}` : '',
    c.publicUrl ? `public URL: ${c.publicUrl}` : '',
    ...c.evidence.map(
      (e) => `evidence: ${e.stance} ${e.targetType} ${e.targetId}${e.note ? ` — ${e.note}` : ''}`,
    ),
  ]
    .filter(Boolean)
    .join('\n');
}

/** `athar claim add|list|show|search|review|verdict|publish|evidence`. */
export function register(program: Command): void {
  const c = program
    .command('claim')
    .description('claims: rumours and assertions, their evidence and verdicts');
  c.command('add <text>')
    .description(
      'add a claim; shows similar claims already in the installation ("was this already checked?")',
    )
    .requiredOption('--case <case>', 'case id or slug')
    .requiredOption('--language <tag>', 'language of the text: ar, en, fr …')
    .option('--first-seen <time>', 'when it was first seen: an instant (…Z) or a local time/date')
    .option('--time-zone <zone>', 'zone of --first-seen (default: the case zone)')
    .option('--appearance-url <url>', 'where it appeared')
    .option('--claimant <sourceId>', 'the source that made the claim')
    .option('--json', 'machine-readable output')
    .action(
      action(
        async (
          text: string,
          o: {
            case: string;
            language: string;
            firstSeen?: string;
            timeZone?: string;
            appearanceUrl?: string;
            claimant?: string;
            json?: boolean;
          },
          cmd: Command,
        ) => {
          const body = {
            text,
            language: o.language,
            ...(o.firstSeen ? { firstSeen: whenOption(o.firstSeen, o.timeZone) } : {}),
            ...(o.appearanceUrl ? { appearanceUrl: o.appearanceUrl } : {}),
            ...(o.claimant ? { claimantSourceId: o.claimant } : {}),
          };
          const r = await withClient(connectOptions(cmd), (cl) =>
            cl.request<{ claim: Claim; similar: Similar[] }>('POST', claimsUrl(o.case), { body }),
          );
          emit(
            o.json,
            r,
            () =>
              `added claim ${r.claim.id}` +
              (r.similar.length
                ? `\n\nsimilar claims already in athar:\n${similarTable(r.similar)}`
                : '\nno similar claim in athar yet'),
          );
        },
      ),
    );
  c.command('list')
    .description('claims of a case, newest first')
    .requiredOption('--case <case>', 'case id or slug')
    .option('--status <status>', 'unverified, in_review or verdict')
    .option('--limit <n>', 'page size (default 100, at most 500)')
    .option('--cursor <cursor>', 'continue after a previous page')
    .option('--json', 'machine-readable output')
    .action(
      action(
        async (
          o: { case: string; status?: string; limit?: string; cursor?: string; json?: boolean },
          cmd: Command,
        ) => {
          const r = await withClient(connectOptions(cmd), (cl) =>
            cl.request<{ claims: Claim[]; nextCursor: string | null }>('GET', claimsUrl(o.case), {
              query: {
                status: o.status,
                limit: o.limit === undefined ? undefined : intOption(o.limit, '--limit'),
                cursor: o.cursor,
              },
            }),
          );
          emit(
            o.json,
            r,
            () =>
              table(
                ['STATUS', 'VERDICT', 'FIRST SEEN', 'CLAIM', 'ID'],
                r.claims.map((x) => [x.status, x.verdict ?? '', humanWhen(x.firstSeen), clip(x.text), x.id]),
              ) + (r.nextCursor ? `\nmore: --cursor ${r.nextCursor}` : ''),
          );
        },
      ),
    );
  c.command('show <id>')
    .description('one claim with its evidence')
    .requiredOption('--case <case>', 'case id or slug')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, o: { case: string; json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (cl) =>
          cl.request<Claim>('GET', `${claimsUrl(o.case)}/${encodeURIComponent(id)}`),
        );
        emit(o.json, r, () => claimDetail(r));
      }),
    );
  c.command('search <query>')
    .description('search claims of a case (full text and trigram; Arabic and Latin script)')
    .requiredOption('--case <case>', 'case id or slug')
    .option('--limit <n>', 'at most n results (default 20)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (q: string, o: { case: string; limit?: string; json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (cl) =>
          cl.request<{ results: Similar[] }>('GET', `${claimsUrl(o.case)}/search`, {
            query: { q, limit: o.limit === undefined ? undefined : intOption(o.limit, '--limit') },
          }),
        );
        emit(o.json, r, () => (r.results.length ? similarTable(r.results) : 'no matching claim'));
      }),
    );
  c.command('review <id>')
    .description('start reviewing a claim (unverified → in_review)')
    .requiredOption('--case <case>', 'case id or slug')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, o: { case: string; json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (cl) =>
          cl.request<Claim>('POST', `${claimsUrl(o.case)}/${encodeURIComponent(id)}/review`),
        );
        emit(o.json, r, () => `claim ${r.id} is in review`);
      }),
    );
  c.command('verdict <id>')
    .description(
      'set or revise the verdict (reviewers); revising a published verdict withdraws it until published again',
    )
    .requiredOption('--case <case>', 'case id or slug')
    .requiredOption('--verdict <verdict>', 'false, misleading, unproven or true')
    .requiredOption('--summary <text>', 'what the evidence shows')
    .option('--rating <n>', 'ClaimReview rating 1–5 (default follows the verdict)')
    .option('--as-of <time>', 'the verdict holds as of this time (instant or local time)')
    .option('--time-zone <zone>', 'zone of --as-of (default: the case zone)')
    .option('--json', 'machine-readable output')
    .action(
      action(
        async (
          id: string,
          o: {
            case: string;
            verdict: string;
            summary: string;
            rating?: string;
            asOf?: string;
            timeZone?: string;
            json?: boolean;
          },
          cmd: Command,
        ) => {
          const body = {
            verdict: o.verdict,
            summary: o.summary,
            ...(o.rating ? { rating: intOption(o.rating, '--rating') } : {}),
            ...(o.asOf ? { asOf: whenOption(o.asOf, o.timeZone) } : {}),
          };
          const r = await withClient(connectOptions(cmd), (cl) =>
            cl.request<Claim>('POST', `${claimsUrl(o.case)}/${encodeURIComponent(id)}/verdict`, { body }),
          );
          emit(
            o.json,
            r,
            () =>
              `verdict ${r.verdict} (rating ${r.rating}/5) set on ${r.id}; publish it with athar claim publish`,
          );
        },
      ),
    );
  c.command('publish <id>')
    .description('publish the verdict (reviewers)')
    .requiredOption('--case <case>', 'case id or slug')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, o: { case: string; json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (cl) =>
          cl.request<Claim>('POST', `${claimsUrl(o.case)}/${encodeURIComponent(id)}/publish`),
        );
        emit(o.json, r, () => `published ${r.id} at ${r.publicUrl ?? ''}`);
      }),
    );
  c.command('evidence <id>')
    .description('link evidence to a claim')
    .requiredOption('--case <case>', 'case id or slug')
    .requiredOption('--stance <stance>', 'supports, refutes or context')
    .requiredOption('--type <type>', 'statement, sweep or figure')
    .requiredOption('--target <id>', 'id of the statement, sweep or figure')
    .option('--note <text>', 'why it matters')
    .option('--json', 'machine-readable output')
    .action(
      action(
        async (
          id: string,
          o: { case: string; stance: string; type: string; target: string; note?: string; json?: boolean },
          cmd: Command,
        ) => {
          const body = {
            stance: o.stance,
            targetType: o.type,
            targetId: o.target,
            ...(o.note ? { note: o.note } : {}),
          };
          const r = await withClient(connectOptions(cmd), (cl) =>
            cl.request<Claim>('POST', `${claimsUrl(o.case)}/${encodeURIComponent(id)}/evidence`, { body }),
          );
          emit(o.json, r, () => `linked; ${r.evidence.length} evidence item(s) on ${r.id}`);
        },
      ),
    );
}

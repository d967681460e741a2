import type { Command } from 'commander';
import type { Inquiry } from '#src/modules/registry/schemas.ts';
import { withClient } from '../client.ts';
import { connectOptions, emit, humanInstant } from '../common.ts';
import { table } from '../output.ts';

const caseUrl = (ref: string) => `/api/cases/${encodeURIComponent(ref)}`;
const spelling = (parts: Inquiry['names']['ar']) =>
  parts ? [parts.given, parts.father, parts.grandfather, parts.family].filter(Boolean).join(' ') : '';

export async function runMatch(o: { case: string; json?: boolean }, cmd: Command): Promise<void> {
  const tty = !o.json && process.stderr.isTTY;
  if (tty) process.stderr.write('matching the open inquiries…');
  const r = await withClient(connectOptions(cmd), (client) =>
    client.request<{ inquiries: number; suggested: number }>('POST', `${caseUrl(o.case)}/inquiries/match`),
  );
  if (tty) process.stderr.write('\r\x1b[K');
  emit(
    o.json,
    r,
    () =>
      `${r.inquiries} open inquiries matched: ${r.suggested} new suggestions wait for a caseworker (desk: Persons → Inquiries)`,
  );
}

export async function runList(
  o: { case: string; status?: string; json?: boolean },
  cmd: Command,
): Promise<void> {
  const all: Inquiry[] = [];
  await withClient(connectOptions(cmd), async (client) => {
    let cursor: string | undefined;
    do {
      const page = await client.request<{ inquiries: Inquiry[]; nextCursor: string | null }>(
        'GET',
        `${caseUrl(o.case)}/inquiries`,
        { query: { status: o.status, cursor, limit: 200 } },
      );
      all.push(...page.inquiries);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  });
  emit(o.json, { inquiries: all }, () =>
    all.length === 0
      ? 'no inquiries'
      : table(
          ['id', 'sought', 'relation', 'status', 'waiting', 'confirmed', 'filed'],
          all.map((i) => [
            i.id,
            [spelling(i.names.ar), spelling(i.names.lat)].filter(Boolean).join(' / '),
            i.relation,
            i.status,
            i.suggested,
            i.confirmed,
            humanInstant(i.createdAt),
          ]),
        ),
  );
}

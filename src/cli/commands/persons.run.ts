import type { Command } from 'commander';
import type { ImportReport } from '#src/modules/registry/import.ts';
import type { PersonDetail, SearchResults } from '#src/modules/registry/schemas.ts';
import { withClient } from '../client.ts';
import { connectOptions, emit, intOption } from '../common.ts';
import { table } from '../output.ts';
import type { ImportOptions, MatchListOptions, SearchOptions } from './persons.command.ts';
import path from 'node:path';
import type { ReleaseListView } from '#src/modules/registry/schemas.ts';

const caseUrl = (ref: string) => `/api/cases/${encodeURIComponent(ref)}`;

type Names = PersonDetail['names'];
const spelling = (parts: Names['ar']) =>
  parts ? [parts.given, parts.father, parts.grandfather, parts.family].filter(Boolean).join(' ') : '';
const both = (n: Names) => [spelling(n.ar), spelling(n.lat)].filter(Boolean).join(' / ');

/** Exit status: 0 imported (or a clean dry run), 1 when rows were rejected and nothing stored. */
export async function runImport(file: string, o: ImportOptions, cmd: Command): Promise<number> {
  const tty = !o.json && process.stderr.isTTY;
  const r = await withClient(connectOptions(cmd), (client) =>
    client.request<ImportReport>('POST', `${caseUrl(o.case)}/persons/import`, {
      file,
      query: {
        dryRun: o.dryRun ?? false,
        skipInvalid: o.skipInvalid ?? false,
        updateBy: o.updateBy,
        map: o.map,
        format: o.format,
      },
      ...(tty
        ? {
            onSent: (sent: number, total: number) => {
              const pct = total ? Math.floor((sent / total) * 100) : 100;
              const filled = Math.round(pct / 5);
              process.stderr.write(
                `\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${String(pct).padStart(3)}% read and checked`,
              );
            },
          }
        : {}),
    }),
  );
  if (tty) process.stderr.write('\r\x1b[K');
  emit(o.json, r, () =>
    [
      `${r.dryRun ? 'dry run: ' : ''}${r.rows} rows: ${r.accepted} accepted (${r.created} new, ${r.updated} updates, ${r.events} status events), ${r.rejectedCount} rejected, ${r.duplicates.length} likely duplicates`,
      r.imported
        ? 'imported.'
        : r.dryRun
          ? 'nothing stored (dry run).'
          : 'nothing stored: fix the rejected rows, or give --skip-invalid.',
      ...r.rejected.map((x) => `line ${x.line}: ${x.reason}`),
      ...r.duplicates.map(
        (d) =>
          `line ${d.line}: likely the same person as ${d.personId ? `person ${d.personId}` : `line ${d.otherLine}`} (score ${d.score})`,
      ),
      `file sha256 ${r.sha256} (${r.encoding}, ${r.bytes} bytes)`,
    ].join('\n'),
  );
  return r.imported || (r.dryRun && r.rejectedCount === 0) ? 0 : 1;
}

export async function runSearch(query: string, o: SearchOptions, cmd: Command): Promise<void> {
  const r = await withClient(connectOptions(cmd), (client) =>
    client.request<SearchResults>('GET', `${caseUrl(o.case)}/persons/search`, {
      query: {
        q: query,
        father: o.father,
        mother: o.mother,
        birthYear: o.birthYear ? intOption(o.birthYear, '--birth-year') : undefined,
        status: o.status,
        limit: o.limit ? intOption(o.limit, '--limit') : undefined,
      },
    }),
  );
  emit(o.json, r, () =>
    r.results.length === 0
      ? `no one found (${r.candidates} candidates looked at)`
      : table(
          ['id', 'score', 'names', 'father', 'mother', 'born', 'status'],
          r.results.map((x) => [
            x.id,
            x.score.toFixed(2),
            both(x.names),
            x.father,
            x.mother,
            x.birth.yearFrom === null
              ? ''
              : x.birth.yearFrom === x.birth.yearTo
                ? String(x.birth.yearFrom)
                : `${x.birth.yearFrom}–${x.birth.yearTo}`,
            x.status,
          ]),
        ),
  );
}

/** `{"id","lines":[{"line","text","candidates":[{"personId","score","names","status","explanation"}]}]}` (CLI.md). */
export async function runMatchList(file: string, o: MatchListOptions, cmd: Command): Promise<void> {
  const r = await withClient(connectOptions(cmd), (client) =>
    client.request<ReleaseListView>('POST', `${caseUrl(o.case)}/release-lists`, {
      file,
      query: { title: o.title ?? path.basename(file), kind: o.kind, date: o.date, source: o.source },
    }),
  );
  const out = {
    id: r.id,
    lines: r.lines.map((l) => ({
      line: l.line,
      text: l.text,
      ...(l.problem ? { problem: l.problem } : {}),
      candidates: l.candidates.map((c) => ({
        personId: c.personId,
        score: c.score,
        names: c.names,
        status: c.status,
        explanation: c.explanation,
      })),
    })),
  };
  emit(o.json, out, () =>
    [
      `release list ${r.id}: ${r.lines.length} lines, ${r.lines.filter((l) => l.candidates.length > 0).length} with candidates (confirm them in the desk)`,
      ...r.lines.map(
        (l) =>
          `line ${l.line}: ${l.text}${l.problem ? ` — ${l.problem}` : ''}\n${
            l.candidates.length === 0
              ? '    no candidate'
              : l.candidates
                  .map((c) => `    ${c.score.toFixed(2)} ${both(c.names)} (${c.status}) ${c.personId}`)
                  .join('\n')
          }`,
      ),
    ].join('\n'),
  );
}

export async function runShow(id: string, o: { json?: boolean }, cmd: Command): Promise<void> {
  const d = await withClient(connectOptions(cmd), (client) =>
    client.request<PersonDetail>('GET', `/api/persons/${encodeURIComponent(id)}`),
  );
  emit(o.json, d, () =>
    [
      `${both(d.names)} — ${d.status.status}${d.status.since ? ` since ${d.status.since}` : ''}`,
      ...(d.status.conflicts.length ? [`conflicting events: ${d.status.conflicts.join(', ')}`] : []),
      `born ${d.birth.date ?? (d.birth.yearFrom !== null ? `${d.birth.yearFrom}–${d.birth.yearTo}` : 'unknown')}${d.birthplace ? ` in ${d.birthplace}` : ''}`,
      'events:',
      table(
        ['date', 'event', 'certainty', 'source'],
        d.events.map((e) => [e.date ?? 'undated', e.kind, e.certainty, e.source]),
      ),
    ].join('\n'),
  );
}

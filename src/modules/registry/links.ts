/**
 * Links between person records. Two associations' lists, an import and a caseworker's entry
 * often hold the same human being twice, spelt differently; records are never merged (each keeps
 * its own source, and a wrong merge cannot be undone), they are linked:
 *
 * - "same person": shown together as one combined view — every spelling, every event of every
 *   record (each event says which record it came from), and the status the rule derives from all
 *   of those events — for as long as the link stands; unlinking separates them again.
 * - "possible duplicate": to be looked into; listed on both records, not combined.
 * - "distinct": a caseworker found they are different people; the pair is no longer suggested.
 *
 * Each link has the certainty of whoever made it (reported, believed, confirmed). Likely
 * duplicates are suggested from the name engine's score (the review threshold) over every
 * spelling of both records, with parents and birth years.
 */
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { conflict, invalid, notFound } from '#src/platform/errors.ts';
import { bestMatch, personSpellings, SUGGEST_SCORE, type Explanation } from './inquiry-matching.ts';
import { LinkRepository, type PersonLinkRow } from './link.repository.ts';
import { searchTermsOf } from './names.ts';
import { PersonRepository, TRIGRAM_WHEN, type PersonRow } from './person.repository.ts';
import { orderedEvents, statusEventOf } from './persons.ts';
import { presentEvent } from './present.ts';
import type { Alias, LinkInput, PersonLinks, PersonNames } from './schemas.ts';
import { deriveStatus } from './status.ts';

/** A combined view takes at most this many records (a chain of links that long is a mistake to look at). */
const MAX_GROUP = 50;
const SUGGESTIONS = 10;

const other = (l: PersonLinkRow, id: string) => (l.person_a === id ? l.person_b : l.person_a);

function summary(p: PersonRow) {
  const names = p.names as PersonNames;
  const parts = names.ar ?? names.lat ?? {};
  return {
    personId: p.id,
    names,
    status: p.status,
    father: parts.father ?? null,
    mother: [parts.motherGiven, parts.motherFamily].filter(Boolean).join(' ') || null,
    birthYears: { from: p.birth_year_from, to: p.birth_year_to },
  };
}

/** The records joined to `id` by "same person" links (itself first), at most MAX_GROUP. */
async function groupOf(ctx: Context, id: string): Promise<{ ids: string[]; cut: boolean }> {
  const links = ctx.repo(LinkRepository);
  const seen = new Set([id]);
  let frontier = [id];
  while (frontier.length > 0 && seen.size < MAX_GROUP) {
    const next: string[] = [];
    for (const l of await links.liveOf(frontier))
      if (l.kind === 'same_person')
        for (const x of [l.person_a, l.person_b])
          if (!seen.has(x) && seen.size < MAX_GROUP) {
            seen.add(x);
            next.push(x);
          }
    frontier = next;
  }
  return { ids: [...seen], cut: frontier.length > 0 };
}

/** Records that may be the same person, best first (not linked to it in any way yet). */
async function duplicatesOf(ctx: Context, caseId: string, row: PersonRow, exclude: ReadonlySet<string>) {
  const repo = ctx.repo(PersonRepository);
  const spellings = personSpellings(row);
  const { keys, texts } = searchTermsOf(spellings);
  const found: { id: string }[][] = [await repo.byKeys(caseId, keys, 200)];
  if (found[0]!.length < TRIGRAM_WHEN)
    for (const t of texts) found.push(await repo.byTrigrams(caseId, t, 50));
  const ids = [...new Set(found.flat().map((c) => c.id))].filter((x) => x !== row.id && !exclude.has(x));
  const out: { person: PersonRow; score: number; explanation: Explanation }[] = [];
  for (const p of await repo.byIds(caseId, ids)) {
    const m = bestMatch(spellings, personSpellings(p));
    if (m && m.score >= SUGGEST_SCORE) out.push({ person: p, score: m.score, explanation: m.explanation });
  }
  out.sort((a, b) => b.score - a.score || (a.person.id < b.person.id ? -1 : 1));
  return out.slice(0, SUGGESTIONS);
}

/**
 * A person's links, the likely duplicates not yet linked, and — when "same person" links join it
 * to others — the combined view of the group. Reading it shows other persons: it is recorded, as
 * a search is.
 */
export async function personLinks(ctx: Context, scope: CaseScope, id: string): Promise<PersonLinks> {
  const caseId = scope.case.id;
  const repo = ctx.repo(PersonRepository);
  const row = await repo.find(caseId, id);
  if (!row) throw notFound('person.not_found', `no person ${id} in this case`);
  const live = await ctx.repo(LinkRepository).liveOf([id]);
  const group = await groupOf(ctx, id);
  const linked = new Set([...live.map((l) => other(l, id)), ...group.ids]);
  const suggestions = await duplicatesOf(ctx, caseId, row, linked);
  const persons = new Map(
    (await repo.byIds(caseId, [...new Set([...linked, ...group.ids])])).map((p) => [p.id, p]),
  );
  let combined: PersonLinks['combined'] = null;
  if (group.ids.length > 1) {
    const members = group.ids.map((x) => persons.get(x)).filter((p): p is PersonRow => Boolean(p));
    const events = orderedEvents(await repo.eventsOf(members.map((p) => p.id)));
    const d = deriveStatus(events.map(statusEventOf));
    combined = {
      personIds: members.map((p) => p.id),
      cut: group.cut,
      spellings: members.flatMap((p) => [
        { personId: p.id, names: p.names as PersonNames, aliases: (p.aliases as Alias[]).map((a) => a.name) },
      ]),
      status: { status: d.status, since: d.since, eventId: d.eventId, conflicts: d.conflicts },
      events: events.map(presentEvent),
    };
  }
  const out: PersonLinks = {
    links: live.flatMap((l) => {
      const p = persons.get(other(l, id));
      return p
        ? [
            {
              id: l.id,
              ...summary(p),
              kind: l.kind,
              certainty: l.certainty,
              note: l.note,
              createdBy: l.created_by,
              createdAt: l.created_at.toISOString(),
            },
          ]
        : [];
    }),
    suggestions: suggestions.map((s) => ({
      ...summary(s.person),
      score: Math.round(s.score * 1000) / 1000,
      explanation: s.explanation,
    })),
    combined,
  };
  ctx.audit({
    action: 'person.links_viewed',
    entityType: 'person_search',
    entityId: id,
    caseId,
    after: { results: out.links.length + out.suggestions.length, candidates: suggestions.length },
  });
  return out;
}

/** Links two records of the case (never merges them); a pair has one live link at a time. */
export async function linkPersons(
  ctx: Context,
  scope: CaseScope,
  id: string,
  input: LinkInput,
): Promise<PersonLinks> {
  const caseId = scope.case.id;
  if (input.personId === id)
    throw invalid('person.link_self', '/personId: a record cannot be linked to itself', {
      issues: [{ field: '/personId', message: 'the same record' }],
    });
  const repo = ctx.repo(PersonRepository);
  // Locked in id order: two links made at once over the same records wait for each other.
  const [first, second] = id < input.personId ? [id, input.personId] : [input.personId, id];
  const a = await repo.lock(caseId, first);
  const b = await repo.lock(caseId, second);
  if (!a || !b) {
    const missing = !a ? first : second;
    if (missing === id) throw notFound('person.not_found', `no person ${id} in this case`);
    throw invalid('person.link_target', '/personId: no person of this case has this id', {
      issues: [{ field: '/personId', message: 'no such person in this case' }],
    });
  }
  const links = ctx.repo(LinkRepository);
  const existing = await links.live(first, second);
  if (existing)
    throw conflict(
      'person.linked',
      `these records are already linked (${existing.kind.replace('_', ' ')}): unlink them first to link them otherwise`,
    );
  const made = await links.create({
    id: ctx.ids.uuid(),
    case_id: caseId,
    person_a: first,
    person_b: second,
    kind: input.kind,
    certainty: input.certainty,
    note: input.note?.trim() ?? '',
    created_by: ctx.actor.username,
  });
  ctx.audit({
    action: 'person.linked',
    entityType: 'person_link',
    entityId: made.id,
    caseId,
    after: trailOf(made),
  });
  return personLinks(ctx, scope, id);
}

function trailOf(l: PersonLinkRow) {
  return {
    id: l.id,
    personA: l.person_a,
    personB: l.person_b,
    kind: l.kind,
    certainty: l.certainty,
    note: l.note,
  };
}

/** Removes the live link between two records (kept in the history, marked removed). */
export async function unlinkPersons(
  ctx: Context,
  scope: CaseScope,
  id: string,
  otherId: string,
): Promise<PersonLinks> {
  const links = ctx.repo(LinkRepository);
  const l = await links.live(id, otherId);
  if (!l || l.case_id !== scope.case.id) throw notFound('person.not_linked', 'these records are not linked');
  const removed = await links.remove(l.id, ctx.actor.username);
  if (!removed) throw conflict('person.not_linked', 'this link was removed meanwhile');
  ctx.audit({
    action: 'person.unlinked',
    entityType: 'person_link',
    entityId: l.id,
    caseId: scope.case.id,
    before: trailOf(l),
  });
  return personLinks(ctx, scope, id);
}

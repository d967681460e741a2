/**
 * Family inquiries. A family (through a caseworker, or the public form) says whom they seek and
 * who they are to them; athar matches the sought person against the registry at once and again
 * whenever persons, events or lists arrive, and a caseworker confirms or rejects each suggestion.
 * A confirmation adds the family's report to the person (a "reported missing" event, dated the
 * day the inquiry was filed) and a task to contact the family. Nothing is ever told to the
 * requester by athar itself (ICRC practice): whether and what to tell is the caseworker's call.
 *
 * The requester's contact details are sealed with the inquiry's own key (record-keys.ts). They
 * are shown only on an explicit request that names its reason and is recorded; never in lists,
 * searches, exports or logs. Erasing them, or the retention sweep a configurable time after the
 * inquiry is closed, destroys that key.
 */
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { destroyKey, openSealed, sealWithNewKey } from '#src/platform/crypto/record-keys.ts';
import { conflict, invalid, notFound } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import {
  InquiryRepository,
  type InquiryMatchRow,
  type InquiryRow,
  type TaskRow,
} from './inquiry.repository.ts';
import { matchAllOpen, matchInquiry, storeInquiryTerms } from './inquiry-matching.ts';
import { checkNames } from './names.ts';
import { PersonRepository } from './person.repository.ts';
import { addEvent } from './persons.ts';
import type {
  Contact,
  CreateInquiryBody,
  Inquiry,
  InquiryDetail,
  PersonNames,
  RegistryTask,
} from './schemas.ts';

const bad = (code: string, field: string, message: string) =>
  invalid(code, `${field}: ${message}`, { issues: [{ field, message }] });

const contactPlace = (id: string) => `inquiry:${id}:contact`;

/** Whatever the requester gave, trimmed; null when nothing. */
function cleanContact(c: Contact | undefined): Contact | null {
  if (!c) return null;
  const out: Contact = {};
  for (const k of ['name', 'phone', 'email', 'address', 'notes'] as const) {
    const v = c[k]?.trim();
    if (v) out[k] = v;
  }
  return Object.keys(out).length > 0 ? out : null;
}

export function checkInquiry(input: CreateInquiryBody): void {
  checkNames(input.names, []);
  if (input.bornFrom !== undefined && input.bornTo !== undefined && input.bornFrom > input.bornTo)
    throw bad('inquiry.born', '/bornTo', `the birth years ${input.bornFrom}–${input.bornTo} are reversed`);
  if (input.relation.trim() === '') throw bad('inquiry.relation', '/relation', 'say who you are to them');
}

export function presentInquiry(row: InquiryRow, counts?: { suggested: number; confirmed: number }): Inquiry {
  const consent = row.consent as { processing: boolean; share?: boolean; at: string };
  return {
    id: row.id,
    caseId: row.case_id,
    channel: row.channel,
    names: row.names as PersonNames,
    sex: row.sex,
    bornFrom: row.birth_year_from,
    bornTo: row.birth_year_to,
    birthplace: row.birthplace,
    lastSeen: row.last_seen,
    details: row.details,
    relation: row.relation,
    contact: { state: row.contact_state, removedAt: row.contact_removed_at?.toISOString() ?? null },
    consent: { processing: consent.processing, share: consent.share ?? false, at: consent.at },
    status: row.status,
    closedAt: row.closed_at?.toISOString() ?? null,
    closedReason: row.closed_reason,
    suggested: counts?.suggested ?? 0,
    confirmed: counts?.confirmed ?? 0,
    createdBy: row.created_by,
    isDemo: row.is_demo,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentTask(t: TaskRow): RegistryTask {
  return {
    id: t.id,
    kind: t.kind,
    inquiryId: t.inquiry_id,
    personId: t.person_id,
    reason: t.reason,
    eventId: t.event_id,
    state: t.state,
    doneBy: t.done_by,
    doneAt: t.done_at?.toISOString() ?? null,
    createdAt: t.created_at.toISOString(),
  };
}

/** What the trail records of an inquiry (its audit view keeps ids, channel and states only). */
function trail(i: Inquiry) {
  return {
    id: i.id,
    caseId: i.caseId,
    channel: i.channel,
    names: i.names,
    relation: i.relation,
    details: i.details,
    contact: i.contact.state,
    status: i.status,
  };
}

/**
 * Stores an inquiry with its contact sealed, and its search terms. `match`: whether to match it
 * now (a caseworker's) or leave it to a job (the public form's, so its answer never waits on
 * what the registry holds).
 */
export async function storeInquiry(
  ctx: Context,
  caseId: string,
  input: CreateInquiryBody,
  opts: { channel: 'desk' | 'public'; isDemo?: boolean },
): Promise<InquiryRow> {
  checkInquiry(input);
  const id = ctx.ids.uuid();
  const contact = cleanContact(input.contact);
  const sealed = contact ? await sealWithNewKey(ctx, 'inquiry_contact', contactPlace(id), contact) : null;
  const row = await ctx.repo(InquiryRepository).create({
    id,
    case_id: caseId,
    channel: opts.channel,
    names: JSON.stringify(input.names),
    sex: input.sex ?? 'unknown',
    birth_year_from: input.bornFrom ?? input.bornTo ?? null,
    birth_year_to: input.bornTo ?? input.bornFrom ?? null,
    birthplace: input.birthplace?.trim() ?? '',
    last_seen: input.lastSeen?.trim() ?? '',
    details: input.details?.trim() ?? '',
    relation: input.relation.trim(),
    contact_sealed: sealed?.sealed ?? null,
    contact_key_id: sealed?.keyId ?? null,
    contact_state: sealed ? 'sealed' : 'none',
    contact_removed_at: null,
    consent: JSON.stringify({
      processing: input.consent.processing,
      share: input.consent.share ?? false,
      at: ctx.clock.now().toISOString(),
    }),
    status: 'open',
    closed_at: null,
    closed_reason: null,
    created_by: ctx.actor.username,
    is_demo: opts.isDemo ?? false,
    // The day it was filed dates the family's report (the event a confirmation adds).
    created_at: ctx.clock.now(),
  });
  await storeInquiryTerms(ctx, row);
  ctx.audit({
    action: 'inquiry.created',
    entityType: 'inquiry',
    entityId: id,
    caseId,
    after: trail(presentInquiry(row)),
  });
  return row;
}

/** A caseworker records a family's inquiry; it is matched at once. */
export async function addInquiry(
  ctx: Context,
  scope: CaseScope,
  input: CreateInquiryBody,
  opts: { isDemo?: boolean } = {},
): Promise<InquiryDetail> {
  const row = await storeInquiry(ctx, scope.case.id, input, { channel: 'desk', ...opts });
  await matchInquiry(ctx, row);
  return detailOf(ctx, scope, row);
}

async function requireInquiry(ctx: Context, scope: CaseScope, id: string, lock = false): Promise<InquiryRow> {
  const repo = ctx.repo(InquiryRepository);
  const row = lock ? await repo.lock(scope.case.id, id) : await repo.find(scope.case.id, id);
  if (!row) throw notFound('inquiry.not_found', `no inquiry ${id} in this case`);
  return row;
}

function countsOf(matches: readonly InquiryMatchRow[]) {
  return {
    suggested: matches.filter((m) => m.state === 'suggested').length,
    confirmed: matches.filter((m) => m.state === 'confirmed').length,
  };
}

async function detailOf(ctx: Context, scope: CaseScope, row: InquiryRow): Promise<InquiryDetail> {
  const repo = ctx.repo(InquiryRepository);
  const [matches, tasks] = await Promise.all([repo.matchesOf(row.id), repo.tasksOf(row.id)]);
  const persons = new Map(
    (
      await ctx.repo(PersonRepository).byIds(
        scope.case.id,
        matches.map((m) => m.person_id),
      )
    ).map((p) => [p.id, p]),
  );
  return {
    ...presentInquiry(row, countsOf(matches)),
    matches: matches.flatMap((m) => {
      const p = persons.get(m.person_id);
      if (!p) return [];
      const names = p.names as PersonNames;
      const parts = names.ar ?? names.lat ?? {};
      return [
        {
          personId: m.person_id,
          score: m.score,
          explanation: m.explanation as InquiryDetail['matches'][number]['explanation'],
          foundBy: m.found_by,
          state: m.state,
          decidedBy: m.decided_by,
          decidedAt: m.decided_at?.toISOString() ?? null,
          eventId: m.event_id,
          names,
          status: p.status,
          father: parts.father ?? null,
          mother: [parts.motherGiven, parts.motherFamily].filter(Boolean).join(' ') || null,
          birthYears: { from: p.birth_year_from, to: p.birth_year_to },
        },
      ];
    }),
    tasks: tasks.map(presentTask),
  };
}

/** One inquiry with its suggestions and tasks (recorded, as opening a person is). */
export async function showInquiry(ctx: Context, scope: CaseScope, id: string): Promise<InquiryDetail> {
  const row = await requireInquiry(ctx, scope, id);
  ctx.audit({
    action: 'inquiry.viewed',
    entityType: 'inquiry',
    entityId: id,
    caseId: scope.case.id,
    after: { id },
  });
  return detailOf(ctx, scope, row);
}

const inquiryCursor = cursorCodec('inquiries', ['instant', 'uuid']);

/** The case's inquiries, oldest first, with their waiting and confirmed matches (one audit event). */
export async function listInquiries(
  ctx: Context,
  scope: CaseScope,
  page: PageRequest & { status?: 'open' | 'closed' | undefined },
): Promise<{ inquiries: Inquiry[]; nextCursor: string | null }> {
  const repo = ctx.repo(InquiryRepository);
  const rows = await repo.page(scope.case.id, {
    limit: pageSize(page),
    status: page.status,
    ...(page.cursor ? { after: inquiryCursor.decode(page.cursor) } : {}),
  });
  const counts = new Map<string, { suggested: number; confirmed: number }>();
  for (const r of rows.rows) counts.set(r.id, countsOf(await repo.matchesOf(r.id)));
  const { items, nextCursor } = presentPage(
    rows,
    inquiryCursor,
    (r) => [r.created_at, r.id],
    (r) => presentInquiry(r, counts.get(r.id)),
  );
  ctx.audit({
    action: 'inquiry.listed',
    entityType: 'inquiry_list',
    entityId: null,
    caseId: scope.case.id,
    after: { results: items.length },
  });
  return { inquiries: items, nextCursor };
}

/**
 * The requester's contact details, for the caseworker who will contact them: asked for one
 * inquiry at a time with a reason, and recorded (the reason as "given", never its words).
 */
export async function revealContact(
  ctx: Context,
  scope: CaseScope,
  id: string,
  reason: string,
): Promise<{ state: InquiryRow['contact_state']; contact: Contact | null }> {
  const row = await requireInquiry(ctx, scope, id);
  ctx.audit({
    action: 'inquiry.contact_revealed',
    entityType: 'inquiry_contact',
    entityId: id,
    caseId: scope.case.id,
    after: { inquiryId: id, state: row.contact_state, reason },
  });
  if (row.contact_state !== 'sealed' || !row.contact_sealed || !row.contact_key_id)
    return { state: row.contact_state, contact: null };
  const contact = await openSealed<Contact>(ctx, row.contact_key_id, row.contact_sealed, contactPlace(id));
  return contact ? { state: 'sealed', contact } : { state: 'erased', contact: null };
}

/**
 * A caseworker's decision on a suggestion. Confirming adds the family's report to the person
 * (reported missing, certainty "reported", dated the day the inquiry was filed, the inquiry as
 * its source — never the requester's details) and a task to contact the family; rejecting is
 * remembered. An inquiry seeks one person: once confirmed for someone, not for another.
 */
export async function decideInquiryMatch(
  ctx: Context,
  scope: CaseScope,
  id: string,
  personId: string,
  decision: 'confirm' | 'reject',
): Promise<InquiryDetail> {
  const row = await requireInquiry(ctx, scope, id, true);
  if (row.status !== 'open')
    throw conflict('inquiry.closed', 'this inquiry is closed: its matches are no longer decided');
  const repo = ctx.repo(InquiryRepository);
  const matches = await repo.matchesOf(id);
  const m = matches.find((x) => x.person_id === personId);
  if (!m) throw bad('inquiry.not_a_match', '/personId', 'not a suggested match of this inquiry');
  if (m.state !== 'suggested') throw conflict('inquiry.decided', `this match was ${m.state} already`);
  let eventId: string | null = null;
  if (decision === 'confirm') {
    if (matches.some((x) => x.state === 'confirmed'))
      throw conflict('inquiry.confirmed', 'this inquiry is already confirmed for another person');
    const { event } = await addEvent(
      ctx,
      scope,
      personId,
      {
        kind: 'reported_missing',
        date: row.created_at.toISOString().slice(0, 10),
        certainty: 'reported',
        // Fixed words and the inquiry's id: nothing the requester typed reaches the person's
        // record (which is exported, and outlives the inquiry's erasure).
        source: 'family inquiry',
        notes: `inquiry ${row.id}; matched to this person by ${ctx.actor.username}`,
      },
      { fromInquiry: id },
    );
    eventId = event.id;
  }
  const decided = await repo.decide(id, personId, {
    state: decision === 'confirm' ? 'confirmed' : 'rejected',
    decided_by: ctx.actor.username,
    event_id: eventId,
  });
  if (!decided) throw conflict('inquiry.decided', 'this match was decided already');
  let taskId: string | null = null;
  if (decision === 'confirm') {
    const task = await repo.addTask({
      id: ctx.ids.uuid(),
      case_id: scope.case.id,
      kind: 'contact_family',
      inquiry_id: id,
      person_id: personId,
      reason: 'match_confirmed',
      event_id: eventId,
      done_by: null,
      done_at: null,
    });
    taskId = task.id;
  }
  ctx.audit({
    action: `inquiry.match_${decision === 'confirm' ? 'confirmed' : 'rejected'}`,
    entityType: 'inquiry_match',
    entityId: id,
    caseId: scope.case.id,
    after: { inquiryId: id, personId, score: m.score, eventId, taskId },
  });
  return detailOf(ctx, scope, await requireInquiry(ctx, scope, id));
}

/** Closes an inquiry (found, withdrawn, …): its contact details are purged after the retention period. */
export async function closeInquiry(
  ctx: Context,
  scope: CaseScope,
  id: string,
  reason: string,
): Promise<InquiryDetail> {
  const row = await requireInquiry(ctx, scope, id, true);
  if (row.status === 'closed') throw conflict('inquiry.closed', 'this inquiry is closed already');
  const updated = await ctx.repo(InquiryRepository).update(id, {
    status: 'closed',
    closed_at: ctx.clock.now(),
    closed_reason: reason.trim(),
  });
  ctx.audit({
    action: 'inquiry.closed',
    entityType: 'inquiry',
    entityId: id,
    caseId: scope.case.id,
    before: trail(presentInquiry(row)),
    after: trail(presentInquiry(updated)),
  });
  return detailOf(ctx, scope, updated);
}

/** Destroys the key of an inquiry's contact details and clears them: nothing readable remains. */
async function removeContact(ctx: Context, row: InquiryRow, state: 'erased' | 'purged'): Promise<InquiryRow> {
  if (row.contact_key_id) await destroyKey(ctx, row.contact_key_id);
  return ctx.repo(InquiryRepository).update(row.id, {
    contact_sealed: null,
    contact_key_id: null,
    contact_state: state,
    contact_removed_at: ctx.clock.now(),
  });
}

/** A case admin erases a requester's contact details (at their request, or the case's). */
export async function eraseContact(ctx: Context, scope: CaseScope, id: string): Promise<InquiryDetail> {
  const row = await requireInquiry(ctx, scope, id, true);
  if (row.contact_state !== 'sealed')
    throw conflict('inquiry.no_contact', `this inquiry holds no contact details (${row.contact_state})`);
  const updated = await removeContact(ctx, row, 'erased');
  ctx.audit({
    action: 'inquiry.contact_erased',
    entityType: 'inquiry',
    entityId: id,
    caseId: scope.case.id,
    before: trail(presentInquiry(row)),
    after: trail(presentInquiry(updated)),
  });
  return detailOf(ctx, scope, updated);
}

/** The retention sweep: contact details of inquiries closed longer ago than the configured days. */
export async function purgeExpiredContacts(ctx: Context): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - ctx.config.inquiryRetentionDays * 86_400_000);
  const repo = ctx.repo(InquiryRepository);
  let purged = 0;
  for (;;) {
    const due = await repo.dueForPurge(cutoff, 100);
    if (due.length === 0) break;
    for (const row of due) {
      const updated = await removeContact(ctx, row, 'purged');
      ctx.audit({
        action: 'inquiry.contact_purged',
        entityType: 'inquiry',
        entityId: row.id,
        caseId: row.case_id,
        before: trail(presentInquiry(row)),
        after: trail(presentInquiry(updated)),
      });
      purged++;
    }
  }
  return purged;
}

/** Every open inquiry of the case matched again (`athar inquiries match`). */
export async function matchOpenInquiries(ctx: Context, scope: CaseScope) {
  const r = await matchAllOpen(ctx, scope.case.id, 'batch');
  await ctx.transaction(async (tx) =>
    tx.audit({
      action: 'inquiry.matched',
      entityType: 'inquiry_batch',
      entityId: null,
      caseId: scope.case.id,
      after: { inquiries: r.inquiries, suggested: r.suggested },
    }),
  );
  return { inquiries: r.inquiries, suggested: r.suggested };
}

/** The case's tasks (open ones by default). */
export async function listTasks(ctx: Context, scope: CaseScope, state: 'open' | 'done' = 'open') {
  return { tasks: (await ctx.repo(InquiryRepository).tasks(scope.case.id, state, 500)).map(presentTask) };
}

export async function finishTask(ctx: Context, scope: CaseScope, id: string): Promise<RegistryTask> {
  const t = await ctx.repo(InquiryRepository).finishTask(scope.case.id, id, ctx.actor.username);
  if (!t) throw notFound('task.not_found', `no open task ${id} in this case`);
  ctx.audit({
    action: 'registry_task.done',
    entityType: 'registry_task',
    entityId: id,
    caseId: scope.case.id,
    after: { id, inquiryId: t.inquiry_id, personId: t.person_id, reason: t.reason },
  });
  return presentTask(t);
}

/**
 * What the registry's writes tell the inquiries: persons recorded or corrected, and events added,
 * are matched against the open inquiries in the same unit of work (a few persons), or by a
 * background job that matches every open inquiry again (an import's many).
 */
import type { Context } from '#src/platform/context.ts';
import { InquiryRepository } from './inquiry.repository.ts';
import { matchAllOpen, matchPersons, PER_PERSON_LIMIT } from './inquiry-matching.ts';
import { PersonRepository } from './person.repository.ts';

declare module '#src/platform/jobs/job.ts' {
  interface JobPayloads {
    /** Matches every open inquiry of a case against the registry (after an import). */
    'registry.match-inquiries': { caseId: string; foundBy: string; inquiryId?: string };
    /** Purges the contact details of inquiries closed longer ago than the retention period. */
    'registry.retention': Record<string, never>;
  }
}

export async function afterPersonsChanged(
  ctx: Context,
  caseId: string,
  personIds: readonly string[],
  foundBy: string,
): Promise<void> {
  if (personIds.length === 0) return;
  if ((await ctx.repo(InquiryRepository).countOpen(caseId)) === 0) return;
  if (personIds.length <= PER_PERSON_LIMIT) {
    const persons = await ctx.repo(PersonRepository).byIds(caseId, personIds);
    await matchPersons(ctx, caseId, persons, foundBy);
  } else if (ctx.jobs.started) {
    await ctx.jobs.send('registry.match-inquiries', { caseId, foundBy });
  } else {
    await matchAllOpen(ctx, caseId, foundBy);
  }
}

/**
 * An event on a person: each family whose inquiry was confirmed as this person gets a task (tell
 * them), and the person is matched again (their record may now match other inquiries).
 */
export async function afterPersonEvent(
  ctx: Context,
  caseId: string,
  personId: string,
  eventId: string,
  opts: { fromInquiry?: string } = {},
): Promise<void> {
  await familyTasksFor(ctx, caseId, personId, eventId, opts);
  await afterPersonsChanged(ctx, caseId, [personId], 'event');
}

/** A task for each open inquiry confirmed as this person: an event of theirs is news for that family. */
export async function familyTasksFor(
  ctx: Context,
  caseId: string,
  personId: string,
  eventId: string,
  opts: { fromInquiry?: string } = {},
): Promise<void> {
  const repo = ctx.repo(InquiryRepository);
  const confirmed = await repo.matchesOfPerson(personId, 'confirmed');
  const open = new Set(
    (
      await repo.openByIds(
        caseId,
        confirmed.map((m) => m.inquiry_id),
      )
    ).map((i) => i.id),
  );
  for (const m of confirmed) {
    // The event a confirmation adds (the family's own report) tells that family nothing new; a
    // closed inquiry is no longer followed.
    if (m.inquiry_id === opts.fromInquiry || !open.has(m.inquiry_id)) continue;
    await repo.addTask({
      id: ctx.ids.uuid(),
      case_id: caseId,
      kind: 'contact_family',
      inquiry_id: m.inquiry_id,
      person_id: personId,
      reason: 'person_event',
      event_id: eventId,
      done_by: null,
      done_at: null,
    });
  }
}

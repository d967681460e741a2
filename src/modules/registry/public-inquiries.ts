/**
 * The public inquiry form: a family files an inquiry without an account, for a case whose admins
 * opened its inquiry desk. Its answer must never tell anyone whether the person they name is in
 * the registry, or anything else about it:
 *
 * - the answer is one fixed body, whatever the inquiry matches: matching runs later, in a job
 *   (a process without a job queue leaves it to the next batch, `athar inquiries match`, or to
 *   the next person recorded);
 * - every answer — received, refused, desk closed — is sent no sooner than ANSWER_MS after the
 *   request arrived, so that its time does not depend on the work done (storing, sealing; a
 *   test measures both cases);
 * - bad input is refused by the input alone (which field), before anything is looked up.
 *
 * The rate limit (ATHAR_PUBLIC_INQUIRY_LIMIT per client address per hour) keeps the form from
 * being used to flood a desk.
 */
import { findCase } from '#src/modules/cases/index.ts';
import type { Context } from '#src/platform/context.ts';
import { notFound } from '#src/platform/errors.ts';
import { isCaseRef } from '#src/platform/schemas.ts';
import { InquiryRepository } from './inquiry.repository.ts';
import { checkInquiry, storeInquiry } from './inquiries.ts';
import type { PublicInquiryBody } from './schemas.ts';

/** Every accepted inquiry is answered this long after it arrived (longer only if the work took longer). */
export const ANSWER_MS = 1000;

export const PUBLIC_ANSWER = {
  received: true as const,
  message:
    'Your inquiry has been received. A caseworker will review it and contact you if there is news. This page cannot tell you whether anyone has been found.',
};

const closed = () => notFound('inquiry.desk_closed', 'no inquiry desk takes inquiries under this name');

/** The cases taking public inquiries (slug and title). */
export async function openDesks(ctx: Context) {
  return {
    // The case rows through the cases module (a desk table holds only the case's id).
    desks: (
      await Promise.all((await ctx.repo(InquiryRepository).openDeskCases()).map((id) => findCase(ctx, id)))
    )
      .flatMap((c) => (c ? [{ slug: c.slug, title: c.title }] : []))
      .sort((a, b) => a.title.localeCompare(b.title)),
  };
}

/** Files a public inquiry; the caller pads the answer to ANSWER_MS. */
export async function filePublicInquiry(
  ctx: Context,
  body: PublicInquiryBody,
): Promise<typeof PUBLIC_ANSWER> {
  const { case: slug, ...input } = body;
  checkInquiry(input);
  if (!isCaseRef(slug)) throw closed();
  const c = await findCase(ctx, slug);
  if (!c || !(await ctx.repo(InquiryRepository).desk(c.id))) throw closed();
  await ctx.transaction(async (tx) => {
    const row = await storeInquiry(tx, c.id, input, { channel: 'public' });
    if (tx.jobs.started)
      await tx.jobs.send('registry.match-inquiries', { caseId: c.id, foundBy: 'inquiry', inquiryId: row.id });
  });
  return PUBLIC_ANSWER;
}

/** Opens or closes a case's public inquiry desk (case admins). */
export async function setPublicDesk(ctx: Context, caseId: string, open: boolean): Promise<{ open: boolean }> {
  const repo = ctx.repo(InquiryRepository);
  const was = Boolean(await repo.desk(caseId));
  if (open && !was) await repo.openDesk(caseId, ctx.actor.username);
  if (!open && was) await repo.closeDesk(caseId);
  if (open !== was)
    ctx.audit({
      action: open ? 'inquiry_desk.opened' : 'inquiry_desk.closed',
      entityType: 'public_inquiry_desk',
      entityId: caseId,
      caseId,
      after: { caseId, open },
    });
  return { open };
}

export async function publicDeskOf(ctx: Context, caseId: string): Promise<{ open: boolean }> {
  return { open: Boolean(await ctx.repo(InquiryRepository).desk(caseId)) };
}

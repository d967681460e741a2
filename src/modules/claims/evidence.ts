import type { Static } from '@sinclair/typebox';
import { caseFileRecordExists } from '#src/modules/casefile/index.ts';
import { mediaItemInCase } from '#src/modules/media/index.ts';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { invalid, notFound } from '#src/platform/errors.ts';
import { ClaimRepository, evidenceLinked } from './claim.repository.ts';
import { claimWithEvidence, loadClaim } from './load-claim.ts';
import { presentEvidence } from './present.ts';
import type { AddEvidenceBody, Claim, UpdateEvidenceBody } from './schemas.ts';

/** Links a statement, sweep, figure or media item of the case to a claim, with a stance (supports, refutes, context). */
export async function addEvidence(
  ctx: Context,
  scope: CaseScope,
  id: string,
  input: Static<typeof AddEvidenceBody>,
): Promise<Claim> {
  const c = await loadClaim(ctx, scope, id);
  if (input.targetType === 'person') {
    throw invalid('evidence.target_unsupported', 'person evidence arrives with the registry', {
      issues: [{ field: '/targetType', message: 'not available yet' }],
    });
  }
  const exists =
    input.targetType === 'media_item'
      ? await mediaItemInCase(ctx, scope.case.id, input.targetId)
      : await caseFileRecordExists(ctx, scope.case.id, input.targetType, input.targetId);
  if (!exists) {
    throw invalid('validation.reference', `no ${input.targetType} ${input.targetId} in this case`, {
      issues: [{ field: '/targetId', message: `unknown ${input.targetType}` }],
    });
  }
  const claims = ctx.repo(ClaimRepository);
  const dup = (await claims.evidence([c.id])).some(
    (e) => e.target_type === input.targetType && e.target_id === input.targetId,
  );
  if (dup) throw evidenceLinked();
  const e = await claims.addEvidence({
    id: ctx.ids.uuid(),
    claim_id: c.id,
    stance: input.stance,
    target_type: input.targetType,
    target_id: input.targetId,
    note: input.note ?? '',
  });
  ctx.audit({
    action: 'claim.evidence_added',
    entityType: 'claim',
    entityId: c.id,
    caseId: scope.case.id,
    after: presentEvidence(e),
  });
  return claimWithEvidence(ctx, scope, c);
}

async function requireEvidence(ctx: Context, claimId: string, evidenceId: string) {
  const e = await ctx.repo(ClaimRepository).getEvidence(claimId, evidenceId);
  if (!e) throw notFound('evidence.not_found', `no evidence ${evidenceId} on this claim`);
  return e;
}

/** Corrects a link's stance or note; the audit trail keeps what it was. */
export async function updateEvidence(
  ctx: Context,
  scope: CaseScope,
  claimId: string,
  evidenceId: string,
  input: Static<typeof UpdateEvidenceBody>,
): Promise<Claim> {
  const c = await loadClaim(ctx, scope, claimId);
  const before = await requireEvidence(ctx, c.id, evidenceId);
  const e = await ctx.repo(ClaimRepository).updateEvidence(before.id, {
    ...(input.stance !== undefined ? { stance: input.stance } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
  });
  ctx.audit({
    action: 'claim.evidence_updated',
    entityType: 'claim',
    entityId: c.id,
    caseId: scope.case.id,
    before: presentEvidence(before),
    after: presentEvidence(e),
  });
  return claimWithEvidence(ctx, scope, c);
}

/** Unlinks evidence from a claim (the record itself stays); the audit trail keeps the link that was. */
export async function removeEvidence(
  ctx: Context,
  scope: CaseScope,
  claimId: string,
  evidenceId: string,
): Promise<void> {
  const c = await loadClaim(ctx, scope, claimId);
  const before = await requireEvidence(ctx, c.id, evidenceId);
  await ctx.repo(ClaimRepository).removeEvidence(before.id);
  ctx.audit({
    action: 'claim.evidence_removed',
    entityType: 'claim',
    entityId: c.id,
    caseId: scope.case.id,
    before: presentEvidence(before),
  });
}

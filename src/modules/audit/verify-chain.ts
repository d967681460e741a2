import { ChainVerifier, type ChainProblem } from '#src/engines/audit/chain.ts';
import type { Context } from '#src/platform/context.ts';
import { SettingsRepository } from '#src/platform/settings.repository.ts';
import { AuditRepository } from './audit.repository.ts';

export interface AuditVerifyResult {
  ok: boolean;
  events: number;
  head: { seq: number; hash: string } | null;
  problem: (ChainProblem & { message: string }) | null;
  checkedAt: string;
}

const LAST_CHECK_KEY = 'audit.last_check';

function describe(p: ChainProblem): string {
  switch (p.kind) {
    case 'altered':
      return `audit event #${p.seq} (${p.id}) was altered: its content no longer matches its hash`;
    case 'deleted':
      return `audit event #${p.missingSeq} was deleted: the chain jumps to #${p.seq} (${p.id})`;
    case 'reordered':
      return `audit event #${p.seq} (${p.id}) is out of order: it does not link to the event before it`;
    case 'truncated':
      return `the newest audit events from #${p.missingSeq} on were removed (the chain ends at #${p.seq})`;
  }
}

/** Walks the whole hash chain; names the first event that was altered, deleted or reordered, or the removal of the newest. */
export async function verifyAuditChain(ctx: Context): Promise<AuditVerifyResult> {
  const audit = ctx.repo(AuditRepository);
  const expected = await audit.recordedHead();
  const verifier = new ChainVerifier();
  for await (const e of audit.walk()) if (!verifier.push(e)) break;
  const r = verifier.finish(expected);
  const checkedAt = ctx.clock.now().toISOString();
  if (r.ok)
    return {
      ok: true,
      events: r.count,
      head: r.lastSeq > 0 ? { seq: r.lastSeq, hash: r.lastHash } : null,
      problem: null,
      checkedAt,
    };
  return {
    ok: false,
    events: r.count,
    head: expected ?? null,
    problem: { ...r.problem, message: describe(r.problem) },
    checkedAt,
  };
}

/** Keeps the last scheduled check's result where operators can see it. */
export async function recordAuditCheck(ctx: Context, r: AuditVerifyResult): Promise<void> {
  await ctx.repo(SettingsRepository).set(LAST_CHECK_KEY, r);
}

/** The result of the last scheduled check, if one ran. */
export async function lastAuditCheck(ctx: Context): Promise<AuditVerifyResult | undefined> {
  return ctx.repo(SettingsRepository).get<AuditVerifyResult>(LAST_CHECK_KEY);
}

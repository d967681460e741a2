import { ChainVerifier, type ChainProblem } from '#src/engines/audit/chain.ts';
import type { ServiceDeps } from './context.ts';

export interface AuditVerifyResult {
  ok: boolean;
  events: number;
  head: { seq: number; hash: string } | null;
  problem: (ChainProblem & { message: string }) | null;
  checkedAt: string;
}

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

/** Verifying and reading the audit trail. */
export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  async verify(): Promise<AuditVerifyResult> {
    const { repos } = this.deps.store;
    const expected = await repos.audit.recordedHead();
    const verifier = new ChainVerifier();
    for await (const e of repos.audit.walk()) if (!verifier.push(e)) break;
    const r = verifier.finish(expected);
    const checkedAt = this.deps.clock.now().toISOString();
    if (r.ok) return { ok: true, events: r.count, head: r.lastSeq > 0 ? { seq: r.lastSeq, hash: r.lastHash } : null, problem: null, checkedAt };
    return { ok: false, events: r.count, head: expected ?? null, problem: { ...r.problem, message: describe(r.problem) }, checkedAt };
  }

  /** Keeps the last scheduled check's result where operators (and `athar audit verify`) can see it. */
  async recordCheck(r: AuditVerifyResult): Promise<void> {
    await this.deps.store.repos.installation.set('audit.last_check', r);
  }

  async lastCheck(): Promise<AuditVerifyResult | undefined> {
    return this.deps.store.repos.installation.get<AuditVerifyResult>('audit.last_check');
  }

  async list(filter: { caseId?: string; entityType?: string; entityId?: string; before?: number; limit: number }) {
    const rows = await this.deps.store.repos.audit.list({ ...filter, ...(filter.before !== undefined ? { afterSeq: filter.before } : {}) });
    return rows.map((r) => ({
      seq: Number(r.seq), id: r.id, at: r.at.toISOString(), actor: r.actor, actorId: r.actor_id, action: r.action,
      entityType: r.entity_type, entityId: r.entity_id, caseId: r.case_id, before: r.before, after: r.after, hash: r.hash,
    }));
  }
}

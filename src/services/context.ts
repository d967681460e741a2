import type { Config } from '#src/config.ts';
import type { Clock, Ids } from '#src/ports.ts';
import type { Repos, Store } from '#src/repositories/index.ts';
import type { Role } from '#src/db/schema.ts';
import type { CaseRow } from '#src/repositories/case.repository.ts';

/** Who is acting. Every write is audited under this name. */
export interface Actor {
  userId: string | null;
  username: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
  via: 'session' | 'token' | 'local' | 'system';
  sessionId?: string;
  tokenId?: string;
}

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  username: 'system',
  isAdmin: true,
  mustChangePassword: false,
  via: 'system',
};

/** A case the actor may act in, with the role that allowed it (null for the installation admin acting on setup). */
export interface CaseScope {
  case: CaseRow;
  role: Role | null;
}

/** What every service gets: the store, the clock, ids and the configuration. */
export interface ServiceDeps {
  store: Store;
  clock: Clock;
  ids: Ids;
  config: Config;
}

/**
 * Fields the audit trail records as changed, never with their value: when protected data is
 * later erased (its key destroyed), the hash chain stays verifiable and holds nothing readable.
 */
const PROTECTED_FIELDS: Record<string, readonly string[]> = {
  user: ['passwordHash', 'password'],
  api_token: ['secret', 'tokenHash'],
};

function redact(entityType: string, value: unknown, other: unknown): unknown {
  const fields = PROTECTED_FIELDS[entityType];
  if (!fields || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const o = (other ?? {}) as Record<string, unknown>;
  for (const f of fields) {
    if (f in out) out[f] = { protected: true, changed: JSON.stringify(out[f]) !== JSON.stringify(o[f]) };
  }
  return out;
}

/** Appends an audit event in the caller's transaction. */
export async function audit(
  repos: Repos,
  deps: Pick<ServiceDeps, 'clock' | 'ids'>,
  actor: Actor,
  e: { action: string; entityType: string; entityId: string | null; caseId?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await repos.audit.append({
    id: deps.ids.uuid(),
    at: deps.clock.now(),
    actorId: actor.userId,
    actor: actor.via === 'local' ? `${actor.username} (local)` : actor.username,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    caseId: e.caseId ?? null,
    before: redact(e.entityType, e.before ?? null, e.after),
    after: redact(e.entityType, e.after ?? null, e.before),
  });
}

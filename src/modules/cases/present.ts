import { presentWhen } from '#src/platform/when.ts';
import type { CaseRow } from './case.repository.ts';
import type { MemberRow } from './membership.repository.ts';
import type { Case, Membership } from './schemas.ts';

export function presentCase(c: CaseRow, role: string | null): Case {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    description: c.description,
    timeZone: c.time_zone,
    eventStart: presentWhen(c.event_start, c.time_zone, c.event_start_precision, c.time_zone),
    isDemo: c.is_demo,
    role,
    createdAt: c.created_at.toISOString(),
  };
}

export function presentMember(m: MemberRow): Membership {
  return {
    userId: m.user_id,
    username: m.username,
    displayName: m.display_name,
    role: m.role,
    since: m.created_at.toISOString(),
  };
}

import { presentWhen } from '#src/platform/when.ts';
import type { CaseRow } from './case.repository.ts';
import type { Case } from './schemas.ts';

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

import type { Role } from '#src/platform/access.ts';
import type { Generated, Precision, Ts, TsDefault } from '#src/platform/database/schema.ts';

/** Cases and who works on them (migration 0001). */
export interface CaseFileTable {
  id: string;
  slug: string;
  title: string;
  description: Generated<string>;
  time_zone: string;
  event_start: Ts | null;
  event_start_precision: Precision | null;
  is_demo: Generated<boolean>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface MembershipTable {
  case_id: string;
  user_id: string;
  role: Role;
  created_at: TsDefault;
}

declare module '#src/platform/database/schema.ts' {
  interface DB {
    case_file: CaseFileTable;
    membership: MembershipTable;
  }
}

import type { Role } from '#src/platform/access.ts';
import type { CaseRow } from './case.repository.ts';

declare module '#src/platform/access.ts' {
  /** A case an actor may act in, with the role that allowed it (null for an installation administrator acting on setup). */
  interface CaseScope {
    case: CaseRow;
    role: Role | null;
  }
}

/** The scope's shape, named (importing it anchors the declaration above where it is used). */
export type CaseScopeFields = { case: CaseRow; role: Role | null };

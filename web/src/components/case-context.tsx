import { createContext, useContext } from 'react';
import type { Case } from '../api/types';

/** The case a page belongs to, for its zone, slug and the reader's role in it. */
export const CaseContext = createContext<Case | null>(null);

export function useCurrentCase(): Case {
  const c = useContext(CaseContext);
  if (!c) throw new Error('useCurrentCase outside a case page');
  return c;
}

const WRITERS = new Set(['editor', 'reviewer', 'admin']);
const REVIEWERS = new Set(['reviewer', 'admin']);
/** The registry: caseworkers and the case's admins (person.read). */
const PERSON_KEEPERS = new Set(['caseworker', 'admin']);

/** What the reader's role in the case lets them do (the server decides; this only hides what it would refuse). */
export function useCaseRights() {
  const c = useCurrentCase();
  const role = c.role ?? '';
  return {
    role,
    canWrite: WRITERS.has(role),
    canReview: REVIEWERS.has(role),
    canSeePersons: PERSON_KEEPERS.has(role),
  };
}

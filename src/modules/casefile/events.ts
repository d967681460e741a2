import type { Source } from './schemas.ts';

declare module '#src/platform/events.ts' {
  interface DomainEvents {
    /** A source was corrected: what it was and what it is now. */
    'source.updated': { caseId: string; before: Source; after: Source };
  }
}

export type SourceUpdated = { caseId: string; before: Source; after: Source };

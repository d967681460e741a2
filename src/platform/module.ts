import type { AuditView } from './audit/audit-view.ts';
import type { Context } from './context.ts';
import type { EventHandlers } from './events.ts';
import type { Router } from './http/router.ts';
import type { JobDefinition } from './jobs/job.ts';
import type { TimelineSource } from './timeline.ts';

/**
 * A feature of athar, as `app.ts` composes it: its routes, its jobs, the audit views of the
 * entities it owns, what it adds to a case's timeline, and the events it reacts to. Everything else a module offers other
 * modules goes through its `index.ts`.
 */
export interface AtharModule {
  readonly name: string;
  readonly routes?: (router: Router) => void;
  readonly jobs?: readonly JobDefinition[];
  readonly auditViews?: readonly AuditView[];
  readonly timeline?: TimelineSource;
  /** What it does when other modules' events happen (in the same unit of work). */
  readonly on?: EventHandlers;
  /**
   * What it does when a process that takes jobs starts (after its workers start), as the system:
   * resuming work a killed process left unfinished.
   */
  readonly onStart?: (ctx: Context) => Promise<void>;
}

/**
 * A case's timeline: the dated records of every module (each module's `timeline` source) merged
 * in time order and rendered in the reader's zone.
 */
import { CaseParams } from '#src/modules/cases/index.ts';
import type { AtharModule } from '#src/platform/module.ts';
import { buildTimeline } from './build-timeline.ts';
import { Timeline, TimelineQuery } from './schemas.ts';

export type { Timeline, TimelineEntry } from './schemas.ts';

/** The timeline over the given modules' sources. */
export function timelineModule(contributors: readonly AtharModule[]): AtharModule {
  const sources = contributors.flatMap((m) => (m.timeline ? [m.timeline] : []));
  return {
    name: 'timeline',
    routes: (r) =>
      r.get(
        '/api/cases/:caseId/timeline',
        {
          access: { kind: 'case', permission: 'case.read' },
          tags: ['cases'],
          summary: 'Every dated thing in the case, in order, rendered in a zone (default: the case zone)',
          params: CaseParams,
          querystring: TimelineQuery,
          response: Timeline,
        },
        (ctx, { scope, query }) => buildTimeline(ctx, scope, sources, query),
      ),
  };
}

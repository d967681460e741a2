/**
 * The case file: who said what and when (sources, statements), where (places, down to the zone
 * of a building), which places were searched (sweeps), and figures with their sources.
 */
import type { AtharModule } from '#src/platform/module.ts';
import { caseFileAuditViews } from './audit-views.ts';
import { caseFileRoutes } from './casefile.routes.ts';
import { caseFileTimeline } from './timeline.ts';

export { addFigure } from './figures.ts';
export { addPlace } from './places.ts';
export {
  caseFileRecordExists,
  placeExists,
  sourcesById,
  requirePlace,
  requireSource,
  type CaseFileRecord,
} from './references.ts';
export { addSource } from './sources.ts';
export { addStatement } from './statements.ts';
export { addSweep } from './sweeps.ts';
export type { SourceRow } from './source.repository.ts';
export type { SourceUpdated } from './events.ts';
export type { Figure, Place, Source, Statement, Sweep } from './schemas.ts';

export const caseFileModule: AtharModule = {
  name: 'casefile',
  routes: caseFileRoutes,
  auditViews: caseFileAuditViews,
  timeline: caseFileTimeline,
};

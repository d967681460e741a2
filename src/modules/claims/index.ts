/**
 * Claims: the rumours and assertions a desk tracks, the evidence for and against them, the
 * verdict workflow (unverified → in review → verdict → published) and ClaimReview for publishers.
 */
import type { AtharModule } from '#src/platform/module.ts';
import { claimAuditViews } from './audit-views.ts';
import { claimRoutes } from './claim.routes.ts';
import { publicVerdictRoutes } from './public-verdict.routes.ts';
import { onSourceUpdated } from './publication.ts';
import { claimTimeline } from './timeline.ts';

export { addClaim } from './add-claim.ts';
export { addEvidence } from './evidence.ts';
export { publishVerdict, setVerdict, startReview } from './verdicts.ts';
export type { Claim, SimilarClaim } from './schemas.ts';

export const claimsModule: AtharModule = {
  name: 'claims',
  routes: (r) => {
    claimRoutes(r);
    publicVerdictRoutes(r);
  },
  auditViews: claimAuditViews,
  timeline: claimTimeline,
  on: { 'source.updated': onSourceUpdated },
};

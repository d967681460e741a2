/**
 * The registry of detained and missing persons: persons with their names by part in Arabic
 * script and Latin letters, their events (the status is derived from them), and search across
 * scripts through the name engine. Visible to caseworkers and admins of a case only.
 */
import type { AtharModule } from '#src/platform/module.ts';
import { registryAuditViews } from './audit-views.ts';
import { registryRoutes } from './registry.routes.ts';
import { inquiryRoutes } from './inquiry.routes.ts';
import { matchInquiriesJob, retentionJob } from './jobs.ts';
import type { Config } from '#src/platform/config.ts';

export { addEvent, addPerson } from './persons.ts';
export { addReleaseList } from './release-lists.ts';
export { addInquiry } from './inquiries.ts';
export { linkPersons } from './links.ts';
export { setPublicDesk } from './public-inquiries.ts';
export type { Person, PersonDetail } from './schemas.ts';

export function registryModule(config: Pick<Config, 'publicInquiryRateLimit'>): AtharModule {
  return {
    name: 'registry',
    routes: (r) => {
      registryRoutes(r);
      inquiryRoutes(r, config);
    },
    jobs: [matchInquiriesJob, retentionJob],
    auditViews: registryAuditViews,
  };
}

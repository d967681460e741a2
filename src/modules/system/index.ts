/** The installation itself: health, readiness and migrations. */
import type { AtharModule } from '#src/platform/module.ts';
import { systemRoutes } from './system.routes.ts';

export const systemModule: AtharModule = { name: 'system', routes: systemRoutes };

/** The web desk: the React app in web/, served to browsers at / and at every path that is not the API's. */
import type { Config } from '#src/platform/config.ts';
import type { AtharModule } from '#src/platform/module.ts';
import { deskRoutes } from './desk.routes.ts';

export function deskModule(config: Pick<Config, 'secureCookies'>): AtharModule {
  return { name: 'desk', routes: (r) => deskRoutes(r, { https: config.secureCookies }) };
}
export { deskFiles } from './desk-files.ts';
export { deskPolicy } from './desk.routes.ts';

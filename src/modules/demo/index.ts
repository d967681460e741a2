/** The demo case "Sednaya prison, December 2024", loaded on the first start and on demand. */
import type { AtharModule } from '#src/platform/module.ts';
import type { Context } from '#src/platform/context.ts';
import { SettingsRepository } from '#src/platform/settings.repository.ts';
import { demoMediaOwed, loadDemoMedia, type DemoMediaOutcome } from './demo-media.ts';
import { DEMO_SLUG, loadDemo } from './load-demo.ts';

export { DEMO_SLUG, demoMediaOwed, loadDemo, loadDemoMedia, type DemoMediaOutcome };

const OFFERED_KEY = 'demo.offered';

/** Whether the first start should still offer the demo case: once per installation (ATHAR_DEMO), never again after someone removed it. */
export async function demoToOffer(ctx: Context): Promise<boolean> {
  return ctx.config.loadDemo && !(await ctx.repo(SettingsRepository).get(OFFERED_KEY));
}

/** The first start's offer: loads the demo case (unless it is there) and remembers it was offered. Returns whether it was loaded now. */
export async function offerDemo(ctx: Context): Promise<boolean> {
  const { loaded } = await loadDemo(ctx);
  await ctx.repo(SettingsRepository).set(OFFERED_KEY, { at: ctx.clock.now().toISOString() });
  return loaded;
}

export const demoModule: AtharModule = {
  name: 'demo',
  routes: (r) =>
    r.post(
      '/api/admin/demo',
      {
        access: { kind: 'installation_admin' },
        tags: ['admin'],
        summary: 'Load the demo case "Sednaya prison, December 2024" (idempotent)',
        description:
          'The case file loads in one transaction; then its synthetic stand-in videos are made with ffmpeg and captured one by one (the answer says what became of them: made, already there, off with ATHAR_DEMO_MEDIA=false, or why not). Calling it again finishes what an interrupted load left.',
        // The case file opens its own transaction; the media are captured after it commits.
        transaction: false,
      },
      async (ctx) => {
        const result = await ctx.transaction((tx) => loadDemo(tx));
        return { ...result, media: await loadDemoMedia(ctx) };
      },
    ),
};

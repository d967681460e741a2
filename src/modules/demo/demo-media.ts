/**
 * The demo case's media: plainly synthetic stand-ins that athar makes with ffmpeg when it loads the
 * demo (test sources with "DEMO STAND-IN — synthetic, not real footage" burnt in), captured through
 * the media module like any file, so that processing, matching, first seen and signals run as they
 * would on real evidence and show the reference case's story:
 *
 * - the release video Shaam network posted on X on Sunday 8 December 2024 (a short stand-in for
 *   the article's three-minute video), framed by black bars;
 * - a copy of it re-posted on 9 December, cropped to about 85 % of each side (cutting the bars)
 *   and re-encoded with another codec — found as a copy of the release;
 * - the video of "a man emerging from a hole", first posted about 3 December (the article: made by
 *   AI "at least six days" before 9 December), and its re-post of 9 December passed off as new —
 *   whose first seen is then about 3 December, before the case's event start.
 *
 * Why a second step after the case file, and not inside its unit of work: ingest stores the bytes
 * in the blob store before its own transaction records the capture, and a transaction held open
 * while ffmpeg runs would block every other user of the embedded database. So the case file loads
 * all-or-nothing first (and records that its media are owed); then each stand-in is made and
 * captured in a transaction of its own, which also records a mark for it in the installation's
 * settings and links it to the case file (place, claim). A run that stops half-way leaves whole
 * captures only; the next run (the next start, or `athar demo load`) skips what is marked and makes
 * the rest. A copy is made from the stored original it copies, so a resumed run derives it from
 * the bytes actually kept.
 *
 * When ffmpeg cannot make them, the demo case stays without media and one warning says why, and
 * the next start tries again. A CLI command that opens a fresh data directory in process loads the
 * case file only: its media wait for the first `athar serve` (or `athar demo load`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addEvidence } from '#src/modules/claims/index.ts';
import { findCase } from '#src/modules/cases/index.ts';
import { ingest, updateMedia } from '#src/modules/media/index.ts';
import { addEvent } from '#src/modules/registry/index.ts';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { resolveBinaries, type FfmpegRunOptions } from '#src/platform/media/ffmpeg.ts';
import {
  reencodeVideo,
  renderVideo,
  type MadeVideo,
  type SyntheticVideo,
} from '#src/platform/media/synthetic-video.ts';
import { SettingsRepository } from '#src/platform/settings.repository.ts';
import { DEMO_SLUG } from './slug.ts';

/** What the case file's load leaves for the media step: that media are owed, and what they link to. */
interface DemoMediaState {
  state: 'pending' | 'done';
  prisonPlaceId?: string;
  holeClaimId?: string;
  /** The fictional person seen in the release stand-in (demo-persons.ts). */
  sightingPersonId?: string;
  at?: string;
}

/** A stand-in captured: its item, and the SHA-256 of its original (a copy is made from it). */
interface Mark {
  itemId: string;
  sha256: string;
}

const STATE_KEY = 'demo.media';
const markKey = (key: StandInKey) => `demo.media.${key}`;

/** What a load of the demo's media did. */
export type DemoMediaOutcome =
  | { state: 'made'; made: number; items: number }
  | { state: 'already'; items: number }
  | { state: 'off' | 'no_demo_case' }
  | { state: 'deferred' | 'failed'; reason: string };

/** Called in the case file's unit of work: its media are owed (see the top of this file). */
export async function owesDemoMedia(
  ctx: Context,
  links: { prisonPlaceId: string; holeClaimId: string; sightingPersonId?: string },
): Promise<void> {
  const state: DemoMediaState = { state: 'pending', ...links };
  await ctx.repo(SettingsRepository).set(STATE_KEY, state);
}

/** Whether a start should make the demo's media: its case file was loaded and they are not done. */
export async function demoMediaOwed(ctx: Context): Promise<boolean> {
  const state = await ctx.repo(SettingsRepository).get<DemoMediaState>(STATE_KEY);
  return ctx.config.demoMedia && state?.state === 'pending';
}

const NOT_REAL =
  'DEMO STAND-IN: synthetic media made by athar at demo load (ffmpeg test patterns); not real footage.';
const DAMASCUS_OFFSET = '+03:00'; // Asia/Damascus has kept UTC+3 all year since 2022

type StandInKey = 'release' | 'release-copy' | 'hole' | 'hole-repost';

interface StandIn {
  key: StandInKey;
  /** The file name the capture records. */
  name: string;
  make(
    out: (name: string) => string,
    original: (key: StandInKey) => string,
    run: FfmpegRunOptions,
  ): Promise<MadeVideo>;
  platform: string;
  account?: string;
  postedAt: string;
  title: string;
  notes: string;
  place?: 'prison';
  /** Seconds of the video where the demo's fictional person is "seen" (a sighting event). */
  sighting?: { fromS: number; toS: number };
  evidence?: { stance: 'supports' | 'refutes' | 'context'; note: string };
}

/**
 * The release stand-in's picture sits in black bars on a 16-pixel grid, and the copy's crop keeps
 * to that grid: bars whose edges fall inside the codec's blocks ring, the border trimming then
 * takes a few pixels of ringing for picture, and the trimmed hashes of two copies drift 15–30 bits
 * apart. On the grid they stay within a few bits, as a platform's crop of a barred video would.
 */
const RELEASE_FRAME = { width: 512, height: 288, x: 64, y: 32 };
const RELEASE_CROP = { width: 432, height: 256, x: 32, y: 16 };

function caption(lines: [string, string]): Pick<SyntheticVideo, 'bands' | 'captions'> {
  return {
    bands: [
      { y: 0, height: 60 },
      { y: 172, height: 44 },
    ],
    captions: [
      { text: 'DEMO STAND-IN', size: 24, colour: 'white', y: 8 },
      { text: 'synthetic, not real footage', size: 15, colour: 'white', y: 36 },
      { text: lines[0], size: 11, colour: '#ffd54a', y: 180 },
      { text: lines[1], size: 11, colour: '#ffd54a', y: 196 },
    ],
  };
}

const STAND_INS: StandIn[] = [
  {
    key: 'release',
    name: 'demo-stand-in-release-video.mp4',
    make: (out, _original, run) =>
      renderVideo(
        out('release.mp4'),
        {
          source: 'testsrc2=size=384x224:rate=25',
          width: 384,
          height: 224,
          durationS: 6,
          frame: RELEASE_FRAME,
          crf: 26,
          ...caption(["stands in for: Shaam network's release video", '(X, Sunday 8 December 2024)']),
        },
        run,
      ),
    platform: 'x',
    account: 'Shaam network',
    postedAt: `2024-12-08T12:00:00${DAMASCUS_OFFSET}`,
    title: 'Women held prisoner at Sednaya released from their cells (stand-in)',
    sighting: { fromS: 2, toS: 4 },
    notes: `${NOT_REAL} Stands in for the three-minute release video Shaam network broadcast on X (a boy who looks barely three appears in it); this one lasts six seconds. Posted on Sunday 8 December per the article; noon Damascus time is a demo assumption.`,
    place: 'prison',
  },
  {
    key: 'release-copy',
    name: 'demo-stand-in-release-video-cropped-repost.mp4',
    make: (out, original, run) =>
      reencodeVideo(
        original('release'),
        out('release-copy.mp4'),
        { crop: RELEASE_CROP, codec: { name: 'mpeg4', q: 10 } },
        run,
      ),
    platform: 'x',
    account: 'DEMO re-posting account (invented; the article names none)',
    postedAt: `2024-12-09T10:00:00${DAMASCUS_OFFSET}`,
    title: 'Sednaya release (re-post, stand-in)',
    notes: `${NOT_REAL} Made by athar from the release stand-in: cropped to about 85 % of each side and re-encoded as MPEG-4 Part 2 at another bit rate, as a re-post would be. The re-post and its time (9 December, 10:00 Damascus) are invented for the demo.`,
    place: 'prison',
  },
  {
    key: 'hole',
    name: 'demo-stand-in-man-emerging-from-hole.mp4',
    make: (out, _original, run) =>
      renderVideo(
        out('hole.mp4'),
        {
          source:
            'life=size=128x72:rate=10:seed=1209:mold=25:life_color=#e0c090:death_color=#3a2a1a:mold_color=#5a3a20,scale=512:288:flags=bicubic',
          width: 512,
          height: 288,
          durationS: 6,
          crf: 30,
          ...caption([
            'stands in for: the AI-generated video of a man',
            'emerging from a hole (about 3 December 2024)',
          ]),
        },
        run,
      ),
    platform: 'tiktok',
    account: 'DEMO first poster (invented; the article names none)',
    postedAt: `2024-12-03T12:00:00${DAMASCUS_OFFSET}`,
    title: 'Man emerging from a hole (stand-in)',
    notes: `${NOT_REAL} Stands in for the video of a frightened man emerging from a hole, which the article says was generated by AI at least six days before 9 December; this earlier copy's posting on 3 December (noon Damascus) is a demo assumption from "at least six days". The stand-in carries no AI marker of its own.`,
    evidence: {
      stance: 'refutes',
      note: 'DEMO STAND-IN: the same video posted about 3 December 2024, days before the release it was said to show.',
    },
  },
  {
    key: 'hole-repost',
    name: 'demo-stand-in-man-emerging-from-hole-repost.mp4',
    make: (out, original, run) =>
      reencodeVideo(original('hole'), out('hole-repost.mp4'), { codec: { name: 'h264', crf: 34 } }, run),
    platform: 'x',
    account: 'DEMO re-posting account (invented; the article names none)',
    postedAt: `2024-12-09T09:00:00${DAMASCUS_OFFSET}`,
    title: 'Detainee freed from the hidden basements of Sednaya (re-post, stand-in)',
    notes: `${NOT_REAL} Made by athar from the "man emerging from a hole" stand-in, re-encoded at a lower bit rate as a platform would: the re-post passed off as new footage from Sednaya's basements on 9 December (09:00 Damascus, a demo assumption).`,
    evidence: {
      stance: 'context',
      note: 'DEMO STAND-IN: the re-post of 9 December 2024 that passed the older video off as new.',
    },
  },
];

/** A capture that another run recorded first: this one is rolled back. */
class AlreadyCaptured extends Error {}

/**
 * Makes and captures the demo case's stand-in videos that are not captured yet (see the top of this
 * file). Runs outside a transaction: each capture is its own. Never throws for want of ffmpeg: the
 * outcome says why nothing was made, and one warning is logged.
 */
export async function loadDemoMedia(ctx: Context): Promise<DemoMediaOutcome> {
  const settings = ctx.repo(SettingsRepository);
  const state = (await settings.get<DemoMediaState>(STATE_KEY)) ?? { state: 'pending' };
  if (state.state === 'done') return { state: 'already', items: STAND_INS.length };
  if (!ctx.config.demoMedia) return { state: 'off' };
  const found = await findCase(ctx, DEMO_SLUG);
  if (!found?.is_demo) return { state: 'no_demo_case' };
  if (!ctx.jobs.started)
    return {
      state: 'deferred',
      reason: 'this process runs no job queue; the stand-in videos are made at the next `athar serve`',
    };
  const scope: CaseScope = { case: found, role: 'admin' };
  const run: FfmpegRunOptions = {
    timeoutS: ctx.config.ffmpegTimeoutS,
    binaries: resolveBinaries({ ffmpegPath: ctx.config.ffmpegPath, ffprobePath: ctx.config.ffprobePath }),
  };
  const startedAt = Date.now();
  const marks = new Map<StandInKey, Mark>();
  let made = 0;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'athar-demo-media-'));
  try {
    for (const s of STAND_INS) {
      const mark = await settings.get<Mark>(markKey(s.key));
      if (mark) {
        marks.set(s.key, mark);
        continue;
      }
      const video = await s.make(
        (name) => path.join(dir, name),
        (key) => ctx.blobs.pathOf(marks.get(key)!.sha256),
        run,
      );
      marks.set(s.key, await capture(ctx, scope, state, s, video));
      made++;
    }
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    ctx.log.warn(
      { reason },
      `the demo case is without its stand-in videos: ffmpeg could not make them (${reason}); they are made at the next start or by \`athar demo load\``,
    );
    return { state: 'failed', reason };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await ctx.transaction((tx) =>
    tx.repo(SettingsRepository).set(STATE_KEY, { ...state, state: 'done', at: tx.clock.now().toISOString() }),
  );
  ctx.log.info({ made, ms: Date.now() - startedAt }, 'made the demo case’s stand-in videos');
  return made > 0 ? { state: 'made', made, items: marks.size } : { state: 'already', items: marks.size };
}

/** Captures one stand-in with its mark and its links, in one transaction. */
async function capture(
  ctx: Context,
  scope: CaseScope,
  state: DemoMediaState,
  s: StandIn,
  video: MadeVideo,
): Promise<Mark> {
  try {
    const r = await ingest(
      ctx,
      scope,
      createReadStream(video.file),
      {
        name: s.name,
        method: 'file',
        notes: s.notes,
        platform: s.platform,
        ...(s.account ? { account: s.account } : {}),
        title: s.title,
        postedAt: s.postedAt,
        from: 'made by athar at demo load (ffmpeg), not collected from anywhere',
      },
      {
        isDemo: true,
        within: async (tx, itemId) => {
          const mark: Mark = { itemId, sha256: video.sha256 };
          if (!(await tx.repo(SettingsRepository).setOnce(markKey(s.key), mark))) throw new AlreadyCaptured();
          if (s.place === 'prison' && state.prisonPlaceId)
            await updateMedia(tx, scope, itemId, { placeId: state.prisonPlaceId });
          if (s.sighting && state.sightingPersonId)
            await addEvent(
              tx,
              scope,
              state.sightingPersonId,
              {
                kind: 'seen',
                date: '2024-12-08',
                certainty: 'reported',
                source: 'fictional demo data',
                notes: 'FICTIONAL: a relative says this is him, seconds 2–4 of the release stand-in',
                evidence: [{ kind: 'media', id: itemId, ...s.sighting }],
              },
              { isDemo: true },
            );
          if (s.evidence && state.holeClaimId)
            await addEvidence(tx, scope, state.holeClaimId, {
              targetType: 'media_item',
              targetId: itemId,
              stance: s.evidence.stance,
              note: s.evidence.note,
            });
        },
      },
    );
    return { itemId: r.item.id, sha256: r.item.sha256 };
  } catch (e) {
    if (!(e instanceof AlreadyCaptured)) throw e;
    // Another process captured it between our look and our write: theirs stands.
    return (await ctx.repo(SettingsRepository).get<Mark>(markKey(s.key)))!;
  }
}

/**
 * Goal 2 of the media benchmark: `athar check` of a 30-second 720p clip through a running server,
 * against `ffmpeg -i clip -f null -` (decode only) in the same run.
 *
 * The clip is cut from a stored video, so the check has something to find: a 60-second 1280×720,
 * 30 fps H.264 video panning across two wallpaper photographs (a camera moving over a scene: every
 * second shows another view), and from it seconds 15–45 re-encoded at another quality, as a re-post
 * would be. Both are made once with ffmpeg into the cache directory.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { resolveBinaries } from '#src/platform/media/ffmpeg.ts';
import { CASE_SLUG, ok, since, type Running } from './athar.ts';

const root = path.resolve(import.meta.dirname, '../..');

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

async function ffmpeg(args: string[]): Promise<void> {
  const r = await run(resolveBinaries().ffmpeg, ['-hide_banner', '-nostdin', '-loglevel', 'error', ...args]);
  if (r.code !== 0) throw new Error(`ffmpeg exited ${r.code}: ${r.stderr.slice(0, 500)}`);
}

export interface Clips {
  source: string;
  clip: string;
  /** The photographs the source pans across. */
  photos: string[];
  madeS: number;
}

/** The stored video and the clip cut from it, made once from the two most detailed JPEG sources. */
export async function makeClips(cacheDir: string, sources: readonly string[]): Promise<Clips> {
  const dir = path.join(cacheDir, 'video-r1');
  mkdirSync(dir, { recursive: true });
  const source = path.join(dir, 'source-60s-1280x720.mp4');
  const clip = path.join(dir, 'clip-30s-1280x720.mp4');
  // The largest JPEGs are the most detailed photographs (flat, drawn designs compress well).
  const photos = sources
    .filter((f) => /\.jpe?g$/i.test(f))
    .sort((a, b) => statSync(b).size - statSync(a).size || a.localeCompare(b))
    .slice(0, 2);
  if (photos.length < 2) throw new Error('two JPEG photographs are needed for the video');
  const t0 = process.hrtime.bigint();
  let made = false;
  if (!existsSync(source)) {
    made = true;
    // Scaled once to 2400 px wide, so ffmpeg does not decode a 20-megapixel still for every frame.
    const stills = await Promise.all(
      photos.map(async (p, i) => {
        const out = path.join(dir, `still-${i}.png`);
        await sharp(p).rotate().resize(2400, 1400, { fit: 'cover' }).png({ compressionLevel: 1 }).toFile(out);
        return out;
      }),
    );
    const pan = (i: number) =>
      `[${i}:v]crop=1280:720:x='(in_w-1280)*t/30':y='(in_h-720)*t/30',setsar=1[p${i}]`;
    const partial = `${source}.partial.mp4`;
    await ffmpeg([
      '-y',
      ...stills.flatMap((s) => ['-loop', '1', '-framerate', '30', '-t', '30', '-i', s]),
      '-filter_complex',
      `${pan(0)};${pan(1)};[p0][p1]concat=n=2:v=1:a=0,format=yuv420p[v]`,
      '-map',
      '[v]',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '20',
      '-r',
      '30',
      partial,
    ]);
    renameSync(partial, source);
  }
  if (!existsSync(clip)) {
    made = true;
    const partial = `${clip}.partial.mp4`;
    await ffmpeg([
      '-y',
      '-ss',
      '15',
      '-i',
      source,
      '-t',
      '30',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '26',
      partial,
    ]);
    renameSync(partial, clip);
  }
  return { source, clip, photos, madeS: made ? since(t0) : 0 };
}

/** Seconds `ffmpeg -i clip -f null -` takes (decode only). */
export async function decodeSeconds(clip: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  await ffmpeg(['-i', clip, '-f', 'null', '-']);
  return since(t0);
}

/** Uploads the source video and waits until it is processed; its item id. */
export async function storeVideo(a: Running, file: string): Promise<string> {
  const r = await ok<{ item: { id: string } }>(
    a.base,
    a.token,
    'POST',
    `/api/cases/${CASE_SLUG}/media?name=${path.basename(file)}`,
    file,
  );
  const id = r.body.item.id;
  for (;;) {
    const d = await ok<{ status: string; statusReason: string | null }>(
      a.base,
      a.token,
      'GET',
      `/api/media/${id}`,
    );
    if (d.body.status === 'processed') return id;
    if (!['received', 'processing'].includes(d.body.status))
      throw new Error(`the source video was not processed: ${d.body.status} ${d.body.statusReason ?? ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface CheckRun {
  seconds: number;
  found: boolean;
  /** What the check answered about the source (how, status, share of frames). */
  match: string;
}

interface CheckAnswer {
  matches: { itemId: string; how: string; status: string; queryMatch: number | null; distance: number }[];
}

/**
 * `athar check CLIP --case … --json` run as a person would, through the server at `a.base`
 * (`--server`, authenticated with ATHAR_TOKEN), in a child process started asynchronously: the
 * server answering is this process. `entry` dist/main.js starts from the build whether or not it
 * is current (bin/athar.js runs the sources through tsx when they changed since the build).
 */
export async function cliCheck(
  a: Running,
  clip: string,
  sourceId: string,
  tmpDir: string,
  entry: 'bin/athar.js' | 'dist/main.js' = 'bin/athar.js',
): Promise<CheckRun> {
  const env = { ...process.env, ATHAR_TOKEN: a.token, ATHAR_DATA_DIR: tmpDir, DATABASE_URL: '' };
  const t0 = process.hrtime.bigint();
  const r = await run(
    process.execPath,
    [path.join(root, entry), '--server', a.base, 'check', clip, '--case', CASE_SLUG, '--json'],
    env,
  );
  const seconds = since(t0);
  if (r.code !== 0) throw new Error(`athar check exited ${r.code}: ${r.stderr.slice(0, 500)}`);
  return { seconds, ...found(JSON.parse(r.stdout) as CheckAnswer, sourceId) };
}

/** The same check through the HTTP API directly (no CLI start): what the server spends. */
export async function apiCheck(a: Running, clip: string, sourceId: string): Promise<CheckRun> {
  const t0 = process.hrtime.bigint();
  const r = await ok<CheckAnswer>(
    a.base,
    a.token,
    'POST',
    `/api/cases/${CASE_SLUG}/media/check?name=clip.mp4`,
    clip,
  );
  return { seconds: since(t0), ...found(r.body, sourceId) };
}

function found(answer: CheckAnswer, sourceId: string): { found: boolean; match: string } {
  const m = answer.matches.find((x) => x.itemId === sourceId);
  if (!m) return { found: false, match: `not found (${answer.matches.length} other matches)` };
  return {
    found: m.how === 'video',
    match: `${m.how}, ${m.status}, ${m.queryMatch === null ? '' : `${Math.round(m.queryMatch * 100)} % of frames, `}distance ${m.distance}`,
  };
}

/** Whether bin/athar.js starts from the build (dist/ made from exactly these sources) or runs the sources through tsx. */
export async function cliStartsFromBuild(): Promise<boolean> {
  const r = await run(process.execPath, [
    '--input-type=module',
    '-e',
    `import { readFileSync } from 'node:fs';
     import { buildInputs, sameInputs } from ${JSON.stringify(path.join(root, 'scripts/build-inputs.js'))};
     let ok = false;
     try { ok = sameInputs(JSON.parse(readFileSync(${JSON.stringify(path.join(root, 'dist/build.json'))}, 'utf8')).inputs, buildInputs(${JSON.stringify(root)})); } catch {}
     process.stdout.write(String(ok));`,
  ]);
  return r.stdout.trim() === 'true';
}

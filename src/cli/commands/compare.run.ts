/** The work of `athar compare`, loaded only when the command runs, so that registering commands (and `--help`) stays cheap. */
import { loadConfig } from '#src/platform/config.ts';
import { compareVideosDense } from '#src/engines/fingerprint/video-match.ts';
import { compareImages, compareImageToVideo, MATCH_DISTANCE } from '#src/engines/fingerprint/compare.ts';
import { fingerprintFile } from '#src/platform/media/fingerprint-file.ts';
import { emit } from '../common.ts';
import { table } from '../output.ts';

const verdict = (distance: number) =>
  distance <= MATCH_DISTANCE ? `match (≤ ${MATCH_DISTANCE})` : 'no match';

/** The work of the command, loaded only when it runs. */
export async function runCompare(a: string, b: string, o: { json?: boolean }): Promise<number | void> {
  const { maxImagePixels, ffmpegTimeoutS, ffmpegPath, ffprobePath } = loadConfig();
  const media = { ffmpegTimeoutS, ffmpegPath, ffprobePath };
  const limits = { maxPixels: maxImagePixels };
  // Videos are hashed at every frame here, not once a second: two copies cut at different
  // moments are sampled out of phase at 1 fps and share almost no close frame pair
  // (chair-19 in chair-orig: 10 % at 1 fps, found at every frame). Dense comparison looks
  // for each side's once-a-second samples among every frame of the other.
  const query = await fingerprintFile(a, limits, { videoFps: 0, ...media });
  const target = await fingerprintFile(b, limits, { videoFps: 0, ...media });

  if (query.kind === 'image' && target.kind === 'image') {
    const r = compareImages(query, target);
    emit(o.json, r, () =>
      table(['DISTANCE', 'VARIANT', 'VERDICT'], [[r.distance, r.variant, verdict(r.distance)]]),
    );
    return;
  }
  if (query.kind === 'video' && target.kind === 'video') {
    const r = compareVideosDense(query.frames, target.frames);
    emit(o.json, r, () =>
      [
        `query frames found in target: ${(r.queryMatch * 100).toFixed(1)} %`,
        `target frames found in query: ${(r.targetMatch * 100).toFixed(1)} %`,
        ...(r.ranges.length > 0
          ? [
              table(
                ['QUERY FROM', 'TO', 'TARGET FROM', 'TO'],
                r.ranges.map((x) => [
                  x.queryStart.toFixed(1),
                  x.queryEnd.toFixed(1),
                  x.targetStart.toFixed(1),
                  x.targetEnd.toFixed(1),
                ]),
              ),
            ]
          : []),
      ].join('\n'),
    );
    return;
  }
  // One picture, one video (either way round): the picture's best frame in the video.
  const r =
    query.kind === 'image' && target.kind === 'video'
      ? compareImageToVideo(query, target)
      : query.kind === 'video' && target.kind === 'image'
        ? compareImageToVideo(target, query)
        : null;
  if (!r) return; // unreachable: the pairs above cover every combination
  emit(o.json, r, () =>
    r.distance === null
      ? 'the video has no frame of quality ≥ 50 to compare with'
      : table(
          ['DISTANCE', 'AT (S)', 'VARIANT', 'VERDICT'],
          [[r.distance, r.at == null ? '' : r.at.toFixed(2), r.variant, verdict(r.distance)]],
        ),
  );
}

/** The work of `athar hash`, loaded only when the command runs, so that registering commands (and `--help`) stays cheap. */
import { loadConfig } from '#src/platform/config.ts';
import { asAppError } from '#src/platform/errors.ts';
import { toHex } from '#src/engines/fingerprint/pdq.ts';
import { isWeak, type MediaFingerprint } from '#src/engines/fingerprint/compare.ts';
import { fingerprintFile } from '#src/platform/media/fingerprint-file.ts';
import { printError, printJson } from '../output.ts';

/** The `--json` line of one file, exactly as ../shared/CLI.md states it. */
export function hashLine(file: string, fp: MediaFingerprint): Record<string, unknown> {
  if (fp.kind === 'video') {
    return {
      file,
      kind: 'video',
      durationS: fp.durationS,
      frames: fp.frames.map((f) => ({ i: f.i, t: f.t, pdq: toHex(f.hash), quality: f.quality })),
    };
  }
  return {
    file,
    kind: 'image',
    pdq: toHex(fp.pdq.hash),
    quality: fp.pdq.quality,
    weak: isWeak(fp.pdq.quality),
    trimmed: fp.trimmed
      ? { pdq: toHex(fp.trimmed.hash), quality: fp.trimmed.quality, box: fp.trimmed.box }
      : null,
  };
}

/** An error line: the stable code and a message naming the file. */
function errorParts(e: unknown): { code: string; message: string } {
  const expected = asAppError(e);
  if (expected) return { code: expected.code, message: expected.message };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/** One human row per file; columns are padded to widths known before the first file is done. */
function humanRow(fileWidth: number, file: string, cells: string[]): string {
  return [file.padEnd(fileWidth), ...cells].join('  ').trimEnd();
}

function humanCells(fp: MediaFingerprint): string[] {
  if (fp.kind === 'video') {
    const strong = fp.frames.filter((f) => !isWeak(f.quality)).length;
    return [
      'video',
      `${fp.frames.length} frames, ${fp.durationS.toFixed(1)} s`.padEnd(64),
      `${strong} strong`,
      '',
    ];
  }
  const quality = `${fp.pdq.quality}${isWeak(fp.pdq.quality) ? ' weak' : ''}`;
  const trimmed = fp.trimmed
    ? `${toHex(fp.trimmed.hash)} (${fp.trimmed.box.width}×${fp.trimmed.box.height}+${fp.trimmed.box.left}+${fp.trimmed.box.top})`
    : '';
  return ['image', toHex(fp.pdq.hash), quality.padEnd(7), trimmed];
}

/** The work of the command, loaded only when it runs. */
export async function runHash(files: string[], o: { json?: boolean }): Promise<number | void> {
  const { maxImagePixels, ffmpegTimeoutS, ffmpegPath, ffprobePath } = loadConfig();
  const media = { ffmpegTimeoutS, ffmpegPath, ffprobePath };
  const fileWidth = Math.max(4, ...files.map((f) => [...f].length));
  const progress = !o.json && process.stderr.isTTY && files.length > 1;
  if (!o.json) {
    process.stdout.write(
      humanRow(fileWidth, 'FILE', ['KIND ', 'PDQ'.padEnd(64), 'QUALITY', 'TRIMMED']) + '\n',
    );
  }
  let failed = 0;
  for (const [n, file] of files.entries()) {
    if (progress) process.stderr.write(`\rhashing ${n + 1}/${files.length}…`);
    try {
      const fp = await fingerprintFile(file, { maxPixels: maxImagePixels }, media);
      if (progress) process.stderr.write('\r\x1b[K');
      if (o.json) printJson(hashLine(file, fp));
      else process.stdout.write(humanRow(fileWidth, file, humanCells(fp)) + '\n');
    } catch (e) {
      failed++;
      const error = errorParts(e);
      if (progress) process.stderr.write('\r\x1b[K');
      if (o.json) printJson({ file, error });
      printError(error.code, error.message);
    }
  }
  return failed > 0 ? 1 : 0;
}

/**
 * Metadata of an evidence file, read with ExifTool (exiftool-vendored: the Perl ExifTool inside
 * the npm package, run on the system's perl): EXIF, XMP, IPTC (DigitalSourceType among them), GPS,
 * QuickTime/MP4 atoms. Tags are kept as ExifTool names them, `Group:Tag` with numeric values
 * (`-n`), so a reader sees what the file says rather than our reading of it. What the file
 * system says about the stored copy (its path, dates, permissions) is left out: it describes athar's
 * copy, not the evidence. Every value is attacker-controlled text: it is stored and shown as text,
 * and nothing in it is ever followed (ExifTool does not fetch).
 */
import type { ExifTool } from 'exiftool-vendored';

let shared: ExifTool | null = null;

// Loaded on first use: a command that reads no metadata does not pay for ExifTool's module.
async function exiftool(): Promise<ExifTool> {
  if (!shared) {
    const { ExifTool } = await import('exiftool-vendored');
    shared ??= new ExifTool({ maxProcs: 2, taskTimeoutMillis: 60_000, maxTasksPerProcess: 500 });
  }
  return shared;
}

/** Stops the ExifTool processes (at shutdown). */
export async function closeMetadataReader(): Promise<void> {
  const et = shared;
  shared = null;
  if (et) await et.end();
}

const LEFT_OUT = /^(SourceFile|ExifTool:|System:)/;
const MAX_TAGS = 1000;
const MAX_VALUE = 4000;

export interface FileMetadata {
  /** `Group:Tag` → value, as ExifTool read it (long values cut, with a note). */
  tags: Record<string, string | number>;
  /** What ExifTool could not read, in its words. */
  warnings: string[];
  summary: MetadataSummary;
}

export interface MetadataSummary {
  mime: string | null;
  make: string | null;
  model: string | null;
  software: string | null;
  /** When the device says it made the picture or the recording, as written (no zone unless given). */
  createdAsWritten: string | null;
  gps: { latitude: number; longitude: number } | null;
  /** IPTC DigitalSourceType as written (a URL or a term), when the file has one. */
  digitalSourceType: string | null;
  /** Whether the file carries any camera or editing metadata at all (EXIF, XMP, IPTC, GPS, QuickTime). */
  hasDescriptiveMetadata: boolean;
  hasC2paManifest: boolean;
}

function pick(tags: Record<string, string | number>, names: string[]): string | null {
  for (const n of names)
    for (const [k, v] of Object.entries(tags))
      if (k.endsWith(`:${n}`) && String(v).trim() !== '') return String(v);
  return null;
}

function summarise(tags: Record<string, string | number>): MetadataSummary {
  const lat = Number(pick(tags, ['GPSLatitude']));
  const lon = Number(pick(tags, ['GPSLongitude']));
  const groups = Object.keys(tags).map((k) => k.split(':')[0]!);
  return {
    mime: pick(tags, ['MIMEType']),
    make: pick(tags, ['Make']),
    model: pick(tags, ['Model']),
    software: pick(tags, ['Software', 'CreatorTool', 'Encoder']),
    createdAsWritten: pick(tags, ['DateTimeOriginal', 'CreateDate', 'CreationDate']),
    gps:
      Number.isFinite(lat) && Number.isFinite(lon) && pick(tags, ['GPSLatitude']) !== null
        ? { latitude: lat, longitude: lon }
        : null,
    digitalSourceType: pick(tags, ['DigitalSourceType']),
    hasDescriptiveMetadata: groups.some((g) =>
      /^(IFD0|ExifIFD|GPS|IPTC|XMP|XMP-.*|QuickTime|ItemList|UserData|Keys)$/.test(g),
    ),
    hasC2paManifest: groups.some((g) => /^(JUMBF|C2PA|JUMD)$/i.test(g)),
  };
}

/** Reads a file's metadata. A file ExifTool cannot read gives empty tags and its warning. */
export async function readMetadata(file: string): Promise<FileMetadata> {
  const raw: Record<string, unknown> = await (
    await exiftool()
  ).readRaw(file, { readArgs: ['-G1', '-a', '-s', '-n', '-api', 'largefilesupport=1'] });
  const tags: Record<string, string | number> = {};
  const warnings: string[] = [];
  let count = 0;
  for (const [k, v] of Object.entries(raw)) {
    if (LEFT_OUT.test(k)) {
      if (/^ExifTool:(Warning|Error)$/.test(k)) warnings.push(String(v));
      continue;
    }
    if (++count > MAX_TAGS) {
      warnings.push(`more than ${MAX_TAGS} tags; the rest are not kept`);
      break;
    }
    let value: string | number =
      typeof v === 'number' ? v : typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
    if (typeof value === 'string' && value.length > MAX_VALUE)
      value = `${value.slice(0, MAX_VALUE)}… (${value.length} characters; cut)`;
    tags[k] = value;
  }
  return { tags, warnings, summary: summarise(tags) };
}

/**
 * What DigitalSourceType says about how the picture was made (IPTC's vocabulary): made by a
 * trained model (trainedAlgorithmicMedia; compositeWithTrainedAlgorithmicMedia), made by an
 * algorithm not trained on data (algorithmicMedia: reported as algorithmic, not as AI), or neither.
 */
export function digitalSourceKind(
  value: string | null,
): 'trained' | 'composite-trained' | 'algorithmic' | null {
  if (!value) return null;
  const v = value.toLowerCase().replace(/[^a-z]/g, '');
  if (v.endsWith('compositewithtrainedalgorithmicmedia')) return 'composite-trained';
  if (v.endsWith('trainedalgorithmicmedia')) return 'trained';
  if (v.endsWith('algorithmicmedia') && !v.endsWith('nonalgorithmicmedia')) return 'algorithmic';
  return null;
}

/**
 * The README of an evidence package: what each file is, and how to check each part with
 * standard tools alone (sha256sum, openssl ts, a WARC reader), written for someone who has never
 * seen athar.
 */

/** What the README says of one shipped time-stamp. */
export interface ReadmeStamp {
  folder: string;
  day: string;
  genTime: string;
  signer: string;
  fingerprint: string | null;
  certSource: string | null;
  ok: boolean;
}

export interface ReadmeFacts {
  root: string;
  exportId: string;
  exportedAt: string;
  exportedBy: string;
  organisation: string;
  toolVersion: string;
  caseTitle: string;
  caseSlug: string;
  caseId: string;
  items: number;
  webCaptures: number;
  custodyEvents: number;
  stamps: ReadmeStamp[];
  /** Captures (files and URLs) that no shipped stamp covers. */
  unstamped: number;
}

/** Text from a user (a case's title) on one line, with nothing that could fake the README's layout. */
function oneLine(s: string): string {
  return s.replace(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]+/gu, ' ').slice(0, 200);
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function stampLines(s: ReadmeStamp): string[] {
  const d = s.folder;
  return [
    `  ${d}`,
    `    signed ${s.genTime} by ${oneLine(s.signer)}${s.ok ? '' : ' -- athar could NOT verify it at export (see stamp.json)'}`,
    `    certificate: ${s.certSource ?? 'none available'}${s.fingerprint ? `, SHA-256 fingerprint ${s.fingerprint}` : ''}`,
    `    openssl ts -verify -data ${d}/manifest.json -in ${d}/token.tst -token_in -CAfile ${d}/tsa.pem`,
  ];
}

export function packageReadme(f: ReadmeFacts): string {
  const stamps = f.stamps.length
    ? f.stamps.flatMap(stampLines)
    : ['  (none: no time-stamp covers these captures; see "Limits")'];
  return [
    'athar evidence package',
    '======================',
    '',
    `Case:       ${oneLine(f.caseTitle)} (${f.caseSlug}, id ${f.caseId})`,
    `Exported:   ${f.exportedAt} by ${oneLine(f.exportedBy)}, ${oneLine(f.organisation)}, athar ${f.toolVersion}`,
    `Export id:  ${f.exportId}`,
    `Contents:   ${count(f.items, 'media item')} (the originals), ${count(f.webCaptures, 'URL capture')} (WARC files),`,
    `            ${count(f.stamps.length, 'RFC 3161 time-stamp')}, ${count(f.custodyEvents, 'custody event')}`,
    '',
    'This folder is what athar handed out. Nothing in it needs athar to be checked: sha256sum,',
    'openssl and, for the WARC files, any WARC reader are enough. Names that people typed (file',
    'names, notes, titles) are kept as data in the JSON files and are never used as file names here.',
    '',
    'What each file is',
    '-----------------',
    '',
    'README.txt      this text.',
    'SHA256SUMS      the SHA-256 of every other file in this folder, in the format sha256sum -c reads.',
    'export.json     who exported what, when, from which case, with which version of athar.',
    'captures.json   "items": each item with its SHA-256, size, kind, the name it was collected under,',
    '                its sensitivity flags, its file in originals/ and every capture of it: who',
    "                collected it, when (athar's clock, UTC), how (upload, file, url), from where (the",
    "                client's address or host:path of a local file), the tool and its version, the",
    "                SHA-256 computed while the bytes arrived, the collector's notes, and what the",
    '                source claimed (platform, account, posting time, URL, title), with the',
    '                time-stamps that cover it; "webCaptures": each URL capture with the URL asked',
    '                for, where the redirects ended, the HTTP status, the address athar connected to,',
    '                the SHA-256 and size of its WARC and of the body, and its file in warc/.',
    "custody.json    the events of athar's audit trail about these items and URL captures, oldest",
    '                first: each capture, view, download, export and change, with who, when, what,',
    "                and the event's sequence number and hash in athar's hash chain.",
    'originals/      the untouched originals, byte for byte as stored, each named by its SHA-256',
    '                (the extension is read from the first bytes; .bin when it is not known).',
    'warc/           one gzipped WARC 1.1 file per URL capture (the request and response records of',
    "                every hop, headers as sent and received), named by the capture's id.",
    'timestamps/     one folder per time-stamp of a day whose manifest lists one of these captures:',
    "                manifest.json (the day's manifest exactly as stamped), entries.jsonl (the lines",
    "                its entries for this package's captures commit to), token.tst (the RFC 3161",
    '                TimeStampToken, DER), tsa.pem (the authority certificate the token was checked',
    "                against when athar kept it), stamp.json (athar's record of the stamp).",
    '',
    'How to check it',
    '---------------',
    '',
    'Unpack the archive (tar xf FILE.tar) and go into its folder:',
    '',
    `     cd ${f.root}`,
    '',
    '1. Nothing changed since the export. Every line must end in OK:',
    '',
    '     sha256sum -c SHA256SUMS',
    '',
    "   The archive's own SHA-256 (sha256sum FILE.tar) is recorded on athar's audit trail, in the",
    '   event media.evidence_exported of this export, which the exporting organisation can confirm:',
    '',
    `     export ${f.exportId}`,
    '',
    '2. Each original is what was collected. Its name is its SHA-256; that hash is also the',
    '   "sha256" of every capture of its item in captures.json, computed as the bytes arrived:',
    '',
    '     sha256sum originals/*',
    '',
    '3. Each WARC is the exchange athar recorded: its SHA-256 is the "warcSha256" of its URL',
    '   capture in captures.json. Read it with any WARC tool (zcat warc/ID.warc.gz | less), or',
    '   check the digests of its records with warcio (pip install warcio; warcio check -v FILE).',
    '',
    '4. Trusted time. For each folder in timestamps/, OpenSSL must print "Verification: OK":',
    '',
    ...stamps,
    '',
    '   The token signs the SHA-256 of manifest.json at the time it gives. To read them:',
    '',
    '     openssl ts -reply -in DIR/token.tst -token_in -token_out -text   (Time stamp, Message data)',
    '     sha256sum DIR/manifest.json                                       (the same digest)',
    '',
    '   The manifest has one entry for every capture recorded that day in this installation: the',
    '   SHA-256 of a line of JSON saying what the capture is (its id, item, case, how, the SHA-256',
    "   of its bytes or of its WARC, its time). entries.jsonl holds the lines of this package's",
    '   captures: hash each and find it among the entries (each must say "found"):',
    '',
    '     while IFS= read -r l; do h=$(printf %s "$l" | sha256sum | cut -c1-64)',
    '       grep -q "\\"$h\\"" DIR/manifest.json && echo "found $h" || echo "MISSING $h"; done < DIR/entries.jsonl',
    '',
    "   Those captures existed, with those bytes, by the authority's time. Check that tsa.pem is the",
    '   authority\'s: compare "openssl x509 -in DIR/tsa.pem -noout -fingerprint -sha256" with the',
    "   fingerprint the authority publishes. If tsa.pem is the authority's own certificate rather",
    '   than the CA that issued it, add -partial_chain to the openssl ts -verify command.',
    '',
    "5. Custody. custody.json is a copy of the audit trail's events; their hashes chain them in",
    "   athar (athar audit verify checks the whole chain there). Each manifest records the chain's",
    '   head (sequence number and hash) when it was made: an event with a sequence number up to',
    "   that head was in the chain by the authority's time.",
    '',
    'Limits',
    '------',
    '',
    "- A day's manifest is shipped whole, because the token signs the whole file. Its entries for",
    "  other cases' captures are hashes of lines this package does not hold, which cannot be guessed",
    '  (each holds random ids and a time to the millisecond): they show only how many captures athar',
    '  recorded that day. A manifest made before athar 0.1 (format athar-daily-manifest/1) lists',
    '  every capture of the day itself, of every case: ids, SHA-256 and addresses.',
    ...(f.unstamped === 0
      ? ['- Every capture here is listed in a shipped time-stamp.']
      : [
          `- ${f.unstamped === 1 ? 'One capture here is' : `${f.unstamped} captures here are`} in no shipped time-stamp (recorded after its day was`,
          "  stamped, or on a day not stamped): for those, athar's clock is the only witness of the time.",
        ]),
    "- This export is itself on the audit trail (media.evidence_exported, with the archive's",
    '  SHA-256, and media.original_exported / media.warc_exported on each item and URL capture);',
    '  custody.json was written before those events and does not hold them.',
    '- Platforms, accounts, posting times, URLs and titles given with a capture are what the source',
    "  or the collector claimed; only capture times are athar's own observation.",
    '',
  ].join('\n');
}

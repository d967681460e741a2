import { Type, type Static } from '@sinclair/typebox';
import { Page } from '#src/platform/pagination.ts';
import { Instant, Literals, Nullable, Url } from '#src/platform/schemas.ts';

export const MediaKind = Literals(['image', 'video', 'unknown']);
export const MediaStatus = Literals(['received', 'processing', 'processed', 'unreadable', 'failed']);
export const CaptureMethod = Literals(['upload', 'file', 'url']);
export const Sensitivity = Literals(['graphic', 'identifiable', 'deleted_by_source']);

/**
 * What the person storing a file says about it. The file itself is the request body
 * (`application/octet-stream`, streamed); these travel in the query string.
 */
export const UploadQuery = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255, description: 'the file name as collected' }),
    method: Type.Optional(Literals(['upload', 'file'], { default: 'upload' })),
    notes: Type.Optional(Type.String({ maxLength: 5000 })),
    sourceUrl: Type.Optional(Url),
    platform: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    account: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    title: Type.Optional(Type.String({ maxLength: 1000 })),
    postedAt: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'when the source says it was posted (claimed, not observed)',
      }),
    ),
    from: Type.Optional(
      Type.String({ maxLength: 1000, description: 'where it was collected from (a local path, a device)' }),
    ),
    tool: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    toolVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    wait: Type.Optional(Type.Boolean({ description: 'answer after processing (CLI ingest)' })),
  },
  { additionalProperties: false },
);
export type UploadQuery = Static<typeof UploadQuery>;

export const Capture = Type.Object({
  id: Type.String(),
  method: CaptureMethod,
  capturedBy: Type.String(),
  capturedAt: Instant,
  capturedFrom: Nullable(Type.String()),
  tool: Type.String(),
  toolVersion: Type.String(),
  sha256: Type.String(),
  fileName: Nullable(Type.String()),
  notes: Type.String(),
  sourceUrl: Nullable(Type.String()),
  platform: Nullable(Type.String()),
  account: Nullable(Type.String()),
  title: Nullable(Type.String()),
  postedAt: Nullable(Instant),
});
export type Capture = Static<typeof Capture>;

export const Signal = Type.Object({
  code: Literals([
    'appeared_before_event',
    'copy_of_earlier',
    'ai_generated',
    'algorithmic',
    'credentials_invalid',
    'metadata_stripped',
    'unreadable',
    'source_offline',
  ]),
  source: Type.String({ description: 'what the signal rests on (a capture, a match, a metadata field)' }),
  detail: Type.String(),
});
export type Signal = Static<typeof Signal>;

export const FirstSeen = Type.Object({
  at: Instant,
  itemId: Type.String(),
  observed: Type.Boolean({ description: 'true: captured by athar; false: a posting time a source claims' }),
});
export type FirstSeen = Static<typeof FirstSeen>;

export const MediaItem = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  name: Type.String(),
  kind: MediaKind,
  status: MediaStatus,
  statusReason: Nullable(Type.String()),
  stage: Nullable(Type.String()),
  progress: Type.Integer(),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  durationS: Nullable(Type.Number()),
  hasThumbnail: Type.Boolean(),
  sensitivity: Type.Array(Sensitivity, {
    description: 'graphic (violence), identifiable (a person can be recognised), deleted_by_source',
  }),
  placeId: Nullable(Type.String({ description: 'the place of the case it was taken at' })),
  createdAt: Instant,
  isDemo: Type.Boolean(),
});
export type MediaItem = Static<typeof MediaItem>;
export const MediaPage = Page('items', MediaItem);
export const MediaListQuery = {
  status: Type.Optional(MediaStatus),
  kind: Type.Optional(MediaKind),
};

export const MatchRange = Type.Object({
  queryStart: Type.Number(),
  queryEnd: Type.Number(),
  targetStart: Type.Number(),
  targetEnd: Type.Number(),
});

/** A match as one who may see the other item sees it; or, for an item in a case they may not see, only that. */
export const Match = Type.Union([
  Type.Object({
    itemId: Type.String(),
    caseId: Type.String(),
    how: Literals(['sha256', 'image', 'video']),
    distance: Nullable(Type.Integer()),
    variant: Nullable(Type.String()),
    queryMatch: Nullable(Type.Number()),
    ranges: Type.Array(MatchRange),
    status: Literals(['suggested', 'confirmed', 'rejected']),
    decidedBy: Nullable(Type.String()),
    capturedAt: Nullable(Instant),
    postedAt: Nullable(Instant),
    platform: Nullable(Type.String()),
    account: Nullable(Type.String()),
  }),
  Type.Object({ restricted: Type.Literal(true), note: Type.String() }),
]);
export type Match = Static<typeof Match>;

export const WebCapture = Type.Object({
  id: Type.String(),
  parentId: Nullable(Type.String({ description: 'the page this media was linked from' })),
  url: Type.String({ description: 'the URL as given' }),
  finalUrl: Type.String({ description: 'where the redirects ended' }),
  redirects: Type.Integer(),
  httpStatus: Type.Integer(),
  contentType: Nullable(Type.String()),
  remoteAddress: Type.String({ description: 'the address athar connected to' }),
  warcSha256: Type.String({ description: 'the WARC of the exchange, in the blob store' }),
  warcSize: Type.Integer(),
  bodySha256: Nullable(Type.String()),
  bodySize: Type.Integer(),
  itemId: Nullable(Type.String({ description: 'the media item made from the body, if it was one' })),
  capturedBy: Type.String(),
  capturedAt: Instant,
  notes: Type.String(),
});
export type WebCapture = Static<typeof WebCapture>;

export const MediaDetail = Type.Intersect([
  MediaItem,
  Type.Object({
    captures: Type.Array(Capture),
    metadata: Type.Unknown(),
    credentials: Nullable(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'content credentials (C2PA) as read offline (state none, valid, invalid, remote, unreadable); null until processed',
      }),
    ),
    signals: Type.Array(Signal),
    webCaptures: Type.Array(WebCapture, { description: 'the URL captures that brought these bytes' }),
    firstSeen: Nullable(FirstSeen),
    matches: Type.Array(Match),
    keyframes: Nullable(
      Type.Object(
        {
          times: Type.Array(Type.Number(), {
            description: 'seconds into the video of each frame, left to right',
          }),
          tileWidth: Type.Integer(),
          tileHeight: Type.Integer(),
        },
        { description: "a video's keyframe strip (…/keyframes, one JPEG of the frames side by side)" },
      ),
    ),
    hasRendition: Type.Boolean({
      description:
        'a web rendition (…/rendition: H.264, re-encoded by athar) exists, for a video a browser would not play as it is',
    }),
  }),
]);
export type MediaDetail = Static<typeof MediaDetail>;

export const IngestResult = Type.Object({
  item: MediaItem,
  capture: Capture,
  duplicate: Type.Boolean({
    description: 'the same bytes were already in this case (a new capture of one item)',
  }),
});
export type IngestResult = Static<typeof IngestResult>;

export const DecideMatchBody = Type.Object(
  { otherId: Type.String({ format: 'uuid' }), decision: Literals(['confirmed', 'rejected']) },
  { additionalProperties: false },
);

export const BlobReport = Type.Object({
  checked: Type.Integer(),
  changed: Type.Array(Type.Object({ sha256: Type.String(), path: Type.String() })),
  missing: Type.Array(Type.Object({ sha256: Type.String(), path: Type.String() })),
});
export type BlobReport = Static<typeof BlobReport>;

export const CheckResult = Type.Object({
  sha256: Type.String(),
  kind: Literals(['image', 'video']),
  matches: Type.Array(
    Type.Object({
      itemId: Type.String(),
      caseId: Type.String(),
      how: Literals(['sha256', 'image', 'video']),
      status: Literals(['suggested', 'confirmed', 'rejected']),
      distance: Nullable(Type.Integer()),
      variant: Nullable(Type.String()),
      queryMatch: Nullable(Type.Number()),
      ranges: Type.Array(MatchRange),
      capturedAt: Nullable(Instant),
      postedAt: Nullable(Instant),
      platform: Nullable(Type.String()),
      account: Nullable(Type.String()),
    }),
  ),
  restricted: Type.Integer({ description: 'matches in cases the reader may not see (counted, not shown)' }),
  firstSeen: Nullable(FirstSeen),
  signals: Type.Array(Signal),
});
export type CheckResult = Static<typeof CheckResult>;

export const CheckQuery = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 255 }) },
  { additionalProperties: false },
);

/** A URL for athar to fetch and keep (the server fetches it; see safe-fetch.ts for the guards). */
export const CaptureUrlBody = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000, description: 'http or https' }),
    notes: Type.Optional(Type.String({ maxLength: 5000 })),
    platform: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    account: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    title: Type.Optional(Type.String({ maxLength: 1000 })),
    postedAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'when the source says it was posted (claimed)' }),
    ),
    linked: Type.Optional(
      Type.Boolean({
        default: true,
        description: 'for a web page, also capture the pictures and videos it links to (up to 10)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CaptureUrlBody = Static<typeof CaptureUrlBody>;

export const LinkedCapture = Type.Object({
  url: Type.String(),
  capture: Nullable(WebCapture),
  item: Nullable(IngestResult),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
});

export const UrlCaptureResult = Type.Object({
  capture: WebCapture,
  item: Nullable(IngestResult),
  linked: Type.Array(LinkedCapture),
});
export type UrlCaptureResult = Static<typeof UrlCaptureResult>;

/** What a caseworker may set on an item: its sensitivity flags and its place. */
export const UpdateMediaBody = Type.Object(
  {
    sensitivity: Type.Optional(Type.Array(Sensitivity, { uniqueItems: true, maxItems: 3 })),
    placeId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMediaBody = Static<typeof UpdateMediaBody>;

/** A case administrator's notice: an item of theirs has a copy in a case they cannot see. */
export const MediaNotice = Type.Object({
  id: Type.String(),
  itemId: Type.String({ description: 'the item of this case that was matched' }),
  itemName: Type.String(),
  how: Type.String(),
  distance: Nullable(Type.Integer()),
  status: Type.String({ description: 'suggested or confirmed, when it was found' }),
  at: Instant,
  note: Type.String(),
});
export const MediaNoticeList = Type.Object({ notices: Type.Array(MediaNotice) });
export type MediaNoticeList = Static<typeof MediaNoticeList>;

export const WebCaptureList = Type.Object({ captures: Type.Array(WebCapture) });

/** Beginning a resumable upload: its size, and what one says of the file (as for a plain upload). */
export const StartUploadBody = Type.Object(
  {
    size: Type.Integer({ minimum: 1, description: 'the whole file, in bytes' }),
    ...Type.Omit(UploadQuery, ['wait']).properties,
  },
  { additionalProperties: false },
);
export type StartUploadBody = Static<typeof StartUploadBody>;

export const UploadState = Type.Object({
  id: Type.String(),
  name: Type.String(),
  size: Type.Integer(),
  received: Type.Integer({ description: 'bytes the server has, flushed to disk: send from here' }),
  complete: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});

export const AppendQuery = Type.Object(
  { offset: Type.Integer({ minimum: 0, description: 'where this piece begins: the upload’s `received`' }) },
  { additionalProperties: false },
);

export const AppendResult = Type.Object({
  upload: UploadState,
  /** The stored file, once the last byte arrived. */
  result: Nullable(IngestResult),
});

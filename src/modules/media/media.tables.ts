import type { Generated, Json, Ts, TsDefault } from '#src/platform/database/schema.ts';

/** The media tables (migration 0005). */
export type MediaKind = 'image' | 'video' | 'unknown';
export type MediaStatus = 'received' | 'processing' | 'processed' | 'unreadable' | 'failed';
export type MatchHow = 'sha256' | 'image' | 'video';
export type MatchStatus = 'suggested' | 'confirmed' | 'rejected';

export interface MediaItemTable {
  id: string;
  case_id: string;
  sha256: string;
  size: number | string; // bigint comes back as a string
  name: string;
  kind: Generated<MediaKind>;
  status: Generated<MediaStatus>;
  status_reason: string | null;
  stage: string | null;
  progress: Generated<number>;
  metadata: Json | null;
  credentials: Json | null;
  duration_s: number | null;
  width: number | null;
  height: number | null;
  has_thumbnail: Generated<boolean>;
  sensitivity: Generated<string[]>;
  place_id: Generated<string | null>;
  is_demo: Generated<boolean>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface MediaCaptureTable {
  id: string;
  item_id: string;
  case_id: string;
  method: 'upload' | 'file' | 'url';
  captured_by_id: string | null;
  captured_by: string;
  captured_at: Ts;
  captured_from: string | null;
  tool: string;
  tool_version: string;
  sha256: string;
  file_name: string | null;
  notes: Generated<string>;
  source_url: string | null;
  platform: string | null;
  account: string | null;
  title: string | null;
  posted_at: Ts | null;
  is_demo: Generated<boolean>;
}

export interface MediaHashTable {
  seq: Generated<string>;
  item_id: string;
  variant: string;
  t: number | null;
  hash: string;
  quality: number;
}

export interface MediaMatchTable {
  item_a: string;
  item_b: string;
  how: MatchHow;
  distance: number | null;
  detail: Json | null;
  status: MatchStatus;
  decided_by: string | null;
  decided_at: Ts | null;
  created_at: TsDefault;
}

export interface BlobCheckTable {
  id: string;
  started_at: Ts;
  finished_at: Ts;
  checked: number;
  changed: Json;
  missing: Json;
}

export interface WebCaptureTable {
  id: string;
  case_id: string;
  parent_id: string | null;
  url: string;
  final_url: string;
  http_status: number;
  content_type: string | null;
  remote_address: string;
  redirects: Generated<number>;
  warc_sha256: string;
  warc_size: number | string;
  body_sha256: string | null;
  body_size: number | string;
  item_id: string | null;
  captured_by_id: string | null;
  captured_by: string;
  captured_at: Ts;
  notes: Generated<string>;
}

export interface MediaNoticeTable {
  id: string;
  case_id: string;
  item_id: string;
  /** Which match it is about, opaque to the reader (a hash of the pair). */
  match_key: string;
  how: string;
  distance: number | null;
  status: string;
  created_at: Ts;
}

export interface UrlCheckTable {
  id: string;
  url: string;
  checked_at: Ts;
  online: boolean;
  http_status: number | null;
  reason: string | null;
}

declare module '#src/platform/database/schema.ts' {
  interface DB {
    media_item: MediaItemTable;
    media_capture: MediaCaptureTable;
    media_hash: MediaHashTable;
    media_match: MediaMatchTable;
    blob_check: BlobCheckTable;
    web_capture: WebCaptureTable;
    url_check: UrlCheckTable;
    media_notice: MediaNoticeTable;
  }
}

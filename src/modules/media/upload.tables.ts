import type { Json, Ts } from '#src/platform/database/schema.ts';

/** A resumable upload in progress, or just completed (migration 0013). */
export interface MediaUploadTable {
  id: string;
  case_id: string;
  created_by_id: string;
  size: number | string; // bigint comes back as a string
  received: number | string;
  facts: Json;
  busy_until: Ts | null;
  item_id: string | null;
  capture_id: string | null;
  created_at: Ts;
  updated_at: Ts;
}

declare module '#src/platform/database/schema.ts' {
  interface DB {
    media_upload: MediaUploadTable;
  }
}

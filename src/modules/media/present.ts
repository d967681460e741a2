import type { MediaCaptureRow, MediaItemRow } from './media.repository.ts';
import type { Capture, MediaItem } from './schemas.ts';

export function presentItem(r: MediaItemRow): MediaItem {
  return {
    id: r.id,
    caseId: r.case_id,
    sha256: r.sha256,
    size: Number(r.size),
    name: r.name,
    kind: r.kind,
    status: r.status,
    statusReason: r.status_reason,
    stage: r.stage,
    progress: r.progress,
    width: r.width,
    height: r.height,
    durationS: r.duration_s,
    hasThumbnail: r.has_thumbnail,
    sensitivity: r.sensitivity as MediaItem['sensitivity'],
    placeId: r.place_id,
    createdAt: r.created_at.toISOString(),
    isDemo: r.is_demo,
  };
}

export function presentCapture(c: MediaCaptureRow): Capture {
  return {
    id: c.id,
    method: c.method,
    capturedBy: c.captured_by,
    capturedAt: c.captured_at.toISOString(),
    capturedFrom: c.captured_from,
    tool: c.tool,
    toolVersion: c.tool_version,
    sha256: c.sha256,
    fileName: c.file_name,
    notes: c.notes,
    sourceUrl: c.source_url,
    platform: c.platform,
    account: c.account,
    title: c.title,
    postedAt: c.posted_at?.toISOString() ?? null,
  };
}

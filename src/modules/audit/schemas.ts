import { Type, type Static } from '@sinclair/typebox';
import { Page, PageQuery } from '#src/platform/pagination.ts';
import { Nullable } from '#src/platform/schemas.ts';

export const AuditEvent = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  at: Type.String(),
  actor: Type.String(),
  actorId: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  contentHidden: Type.Optional(
    Type.Boolean({
      description: 'true when before/after are withheld: the event is of a case you are not a member of',
    }),
  ),
  hash: Type.String(),
});
export type AuditEvent = Static<typeof AuditEvent>;
export const AuditEventPage = Page('events', AuditEvent);

export const AuditQuery = PageQuery({
  entityType: Type.Optional(Type.String({ maxLength: 50 })),
  entityId: Type.Optional(Type.String({ maxLength: 100 })),
  before: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'events with seq below this (older paging; prefer cursor)',
    }),
  ),
});

export const HistoryQuery = PageQuery({
  entityType: Type.Optional(Type.String({ maxLength: 50 })),
  entityId: Type.Optional(Type.String({ maxLength: 100 })),
  since: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'events from this instant on (what changed since I last looked)',
    }),
  ),
});

export const AuditVerifyResult = Type.Object({
  ok: Type.Boolean(),
  events: Type.Integer({ description: 'events walked' }),
  head: Nullable(Type.Object({ seq: Type.Integer(), hash: Type.String() })),
  problem: Nullable(
    Type.Object({
      kind: Type.Union([
        Type.Literal('altered'),
        Type.Literal('deleted'),
        Type.Literal('reordered'),
        Type.Literal('truncated'),
      ]),
      seq: Type.Integer(),
      id: Nullable(Type.String()),
      missingSeq: Type.Optional(Type.Integer()),
      message: Type.String(),
    }),
  ),
  checkedAt: Type.String(),
});

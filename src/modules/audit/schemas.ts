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

import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '#src/platform/pagination.ts';
import { Instant, Nullable, Precision, TimeZone } from '#src/platform/schemas.ts';

export const TimelineEntry = Type.Object({
  at: Instant,
  local: Type.String(),
  precision: Precision,
  sourceTimeZone: Nullable(Type.String()),
  kind: Type.String({
    description:
      'case.event_start, statement, claim.first_seen, claim.verdict, claim.published, sweep.started, sweep.ended',
  }),
  entityType: Type.String(),
  entityId: Type.String(),
  title: Type.String({ description: 'a sentence in English' }),
  parts: Type.Object(
    {
      subject: Nullable(Type.String({ description: 'who: the source, the team' })),
      text: Type.String({ description: "the record's own words, clipped" }),
      detail: Nullable(Type.String({ description: "a code: the sweep's result, the verdict" })),
    },
    { description: 'the parts of the title, to word it in another language' },
  ),
  isDemo: Type.Boolean(),
});
export type TimelineEntry = Static<typeof TimelineEntry>;

export const Timeline = Type.Object({
  caseId: Type.String(),
  timeZone: Type.String(),
  entries: Type.Array(TimelineEntry),
  nextCursor: Nullable(Type.String()),
});
export type Timeline = Static<typeof Timeline>;

export const TimelineQuery = PageQuery({ zone: Type.Optional(TimeZone) });

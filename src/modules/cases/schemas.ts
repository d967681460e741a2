import { Type, type Static } from '@sinclair/typebox';
import { Username } from '#src/modules/accounts/index.ts';
import { Page } from '#src/platform/pagination.ts';
import {
  CaseRef,
  Instant,
  LongText,
  Nullable,
  Role,
  ShortText,
  Slug,
  TimeZone,
  When,
  WhenInput,
} from '#src/platform/schemas.ts';

/** The path parameters of every case route. */
export const CaseParams = Type.Object({ caseId: CaseRef });

export const CreateCaseBody = Type.Object(
  {
    slug: Slug,
    title: ShortText,
    description: Type.Optional(LongText),
    timeZone: TimeZone,
    eventStart: Type.Optional(WhenInput),
  },
  { additionalProperties: false },
);
export const Case = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  title: Type.String(),
  description: Type.String(),
  timeZone: Type.String(),
  eventStart: Nullable(When),
  isDemo: Type.Boolean(),
  role: Nullable(Type.String({ description: "the caller's role in this case" })),
  createdAt: Instant,
});
export type Case = Static<typeof Case>;
export const CasePage = Page('cases', Case);

export const Membership = Type.Object({
  userId: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  since: Instant,
});
export type Membership = Static<typeof Membership>;
export const MemberPage = Page('members', Membership);
export const SetMemberBody = Type.Object({ username: Username, role: Role }, { additionalProperties: false });

/** Corrections to a case's settings (its slug stays: links and scripts use it). */
export const UpdateCaseBody = Type.Object(
  {
    title: Type.Optional(ShortText),
    description: Type.Optional(LongText),
    timeZone: Type.Optional(TimeZone),
    eventStart: Type.Optional(Nullable(WhenInput)),
  },
  { additionalProperties: false, minProperties: 1 },
);

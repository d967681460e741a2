import { Type, type Static } from '@sinclair/typebox';
import { Page, PageQuery } from '#src/platform/pagination.ts';
import { Instant, Language, Literals, Nullable, Url, Uuid, When, WhenInput } from '#src/platform/schemas.ts';

export const ClaimStatus = Literals(['unverified', 'in_review', 'verdict']);
export const Verdict = Literals(['false', 'misleading', 'unproven', 'true']);
export const Stance = Literals(['supports', 'refutes', 'context']);
export const EvidenceTarget = Literals(['statement', 'sweep', 'figure', 'media_item', 'person']);

export const CreateClaimBody = Type.Object(
  {
    text: Type.String({ minLength: 3, maxLength: 5000 }),
    language: Language,
    firstSeen: Type.Optional(WhenInput),
    appearanceUrl: Type.Optional(Url),
    claimantSourceId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const Evidence = Type.Object({
  id: Type.String(),
  stance: Stance,
  targetType: EvidenceTarget,
  targetId: Type.String(),
  note: Type.String(),
  createdAt: Instant,
});
export const AddEvidenceBody = Type.Object(
  {
    stance: Stance,
    targetType: EvidenceTarget,
    targetId: Uuid,
    note: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);

/** Corrections to a link of evidence: its stance or note (to link another record, unlink this one). */
export const UpdateEvidenceBody = Type.Object(
  { stance: Type.Optional(Stance), note: Type.Optional(Type.String({ maxLength: 5000 })) },
  { additionalProperties: false, minProperties: 1 },
);

export const Claim = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  text: Type.String(),
  language: Type.String(),
  firstSeen: Nullable(When),
  appearanceUrl: Nullable(Type.String()),
  claimantSourceId: Nullable(Type.String()),
  status: ClaimStatus,
  verdict: Nullable(Verdict),
  rating: Nullable(Type.Integer()),
  ratingOverridden: Type.Boolean(),
  summary: Nullable(Type.String()),
  reviewedBy: Nullable(Type.String()),
  reviewedAt: Nullable(Instant),
  verdictAsOf: Nullable(When),
  publishedAt: Nullable(Instant),
  publicUrl: Nullable(Type.String()),
  authorName: Nullable(Type.String()),
  evidence: Type.Array(Evidence),
  isDemo: Type.Boolean(),
  createdAt: Instant,
});
export type Claim = Static<typeof Claim>;

export const SimilarClaim = Type.Object({
  id: Type.String(),
  caseId: Nullable(Type.String()),
  caseSlug: Nullable(
    Type.String({
      description:
        'null for a published verdict of a case you are not a member of: only what it published is shown',
    }),
  ),
  text: Type.String(),
  status: Nullable(ClaimStatus),
  verdict: Nullable(Verdict),
  publishedAt: Nullable(Instant),
  publicUrl: Nullable(Type.String()),
  score: Type.Number(),
});
export const CreatedClaim = Type.Object({
  claim: Claim,
  similar: Type.Array(SimilarClaim, {
    description: 'claims already in the installation that read alike: was this rumour already checked?',
  }),
});

export const VerdictBody = Type.Object(
  {
    verdict: Verdict,
    summary: Type.String({ minLength: 1, maxLength: 5000 }),
    rating: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 5, description: 'default follows from the verdict' }),
    ),
    asOf: Type.Optional(WhenInput),
  },
  { additionalProperties: false },
);

export const ClaimListQuery = PageQuery({
  status: Type.Optional(ClaimStatus),
  verdict: Type.Optional(Verdict),
  published: Type.Optional(
    Type.Boolean({ description: 'only claims whose verdict is (true) or is not (false) published' }),
  ),
});
export const ClaimCounts = Type.Object({
  unverified: Type.Integer(),
  in_review: Type.Integer(),
  verdict: Type.Integer({ description: 'with a verdict, published or not' }),
  published: Type.Integer({ description: 'with a published verdict' }),
  total: Type.Integer(),
});
export const ClaimReviewPreview = Type.Object({
  published: Type.Boolean({ description: 'false: this is how the verdict would be published now' }),
  claimReview: Type.Record(Type.String(), Type.Unknown(), {
    description: 'schema.org ClaimReview (JSON-LD)',
  }),
});
export const ClaimPage = Page('claims', Claim);
export const ClaimSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 500 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export const ClaimSearchResult = Type.Object({ results: Type.Array(SimilarClaim) });

/** Corrections to a claim's record (not its verdict: that has its own workflow). */
export const UpdateClaimBody = Type.Partial(CreateClaimBody, {
  additionalProperties: false,
  minProperties: 1,
});

export const WithdrawBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
export const SimilarQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 5000 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
  },
  { additionalProperties: false },
);
export const SimilarResult = Type.Object({ similar: Type.Array(SimilarClaim) });

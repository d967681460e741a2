import type { Precision, Verdict } from '#src/db/schema.ts';
import { formatInZone, isoInstant } from '#src/engines/time/zoned.ts';
import type { CaseScope, ServiceDeps } from './context.ts';

function partialOrInstant(at: Date, precision: Precision | null, zone: string): string {
  return precision === 'day' || precision === 'month' || precision === 'year' ? formatInZone(at, zone, precision) : isoInstant(at);
}

const VERDICT_NAME: Record<Verdict, string> = { false: 'False', misleading: 'Misleading', unproven: 'Unproven', true: 'True' };

/** schema.org ClaimReview (JSON-LD), one object per claim with a published verdict. */
export type ClaimReview = Record<string, unknown> & { '@context': string; '@type': 'ClaimReview' };

export class ClaimReviewService {
  constructor(private readonly deps: ServiceDeps) {}

  async export(scope: CaseScope): Promise<ClaimReview[]> {
    const { repos } = this.deps.store;
    const [claims, sources] = await Promise.all([repos.claims.listPublished(scope.case.id), repos.sources.list(scope.case.id)]);
    const byId = new Map(sources.map((s) => [s.id, s]));
    return claims.map((c) => {
      const claimant = c.claimant_source_id ? byId.get(c.claimant_source_id) : undefined;
      const appearance = c.appearance_url ? { '@type': 'CreativeWork', url: c.appearance_url } : undefined;
      const itemReviewed: Record<string, unknown> = { '@type': 'Claim' };
      if (claimant) {
        itemReviewed.author = {
          '@type': claimant.kind === 'person' ? 'Person' : 'Organization',
          name: claimant.handle ? `${claimant.name} (${claimant.handle})` : claimant.name,
          ...(claimant.url ? { sameAs: claimant.url } : {}),
        };
      }
      // A first sighting known to the day is a schema.org Date, not a midnight instant.
      const firstSeen = c.first_seen_at ? partialOrInstant(c.first_seen_at, c.first_seen_precision, c.first_seen_time_zone ?? scope.case.time_zone) : null;
      if (firstSeen) itemReviewed.datePublished = firstSeen;
      if (appearance) {
        itemReviewed.appearance = [appearance];
        itemReviewed.firstAppearance = { ...appearance, ...(firstSeen ? { datePublished: firstSeen } : {}) };
      }
      const author: Record<string, unknown> = { '@type': 'Organization', name: c.author_name ?? this.deps.config.organisationName };
      if (this.deps.config.organisationUrl) author.url = this.deps.config.organisationUrl;
      return {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        url: c.public_url ?? `${this.deps.config.publicBaseUrl}/verdicts/${c.id}`,
        datePublished: isoInstant(c.published_at!),
        author,
        claimReviewed: c.text,
        inLanguage: c.language,
        ...(c.summary ? { reviewBody: c.summary } : {}),
        reviewRating: {
          '@type': 'Rating',
          ratingValue: c.rating,
          bestRating: 5,
          worstRating: 1,
          alternateName: VERDICT_NAME[c.verdict!],
        },
        itemReviewed,
      } satisfies ClaimReview;
    });
  }
}

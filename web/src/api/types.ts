// Names for the API's shapes, taken from the types generated from its OpenAPI document
// (schema.d.ts, `npm run api:types`): nothing here is written by hand but the names.
import type { paths } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R
  : never;
/** The JSON body of a route's success response. */
export type Ok<P extends keyof paths, M extends keyof paths[P]> =
  Responses<P, M> extends { 200: infer X }
    ? JsonOf<X>
    : Responses<P, M> extends { 201: infer X }
      ? JsonOf<X>
      : never;
/** The JSON body a route takes. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;
/** The query string a route takes. */
export type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

export type Me = Ok<'/api/auth/me', 'get'>;
export type User = Ok<'/api/users/{username}', 'patch'>;
export type ApiToken = Ok<'/api/tokens', 'get'>['tokens'][number];
export type Case = Ok<'/api/cases/{caseId}', 'get'>;
export type Membership = Ok<'/api/cases/{caseId}/members', 'get'>['members'][number];
export type Source = Ok<'/api/cases/{caseId}/sources/{id}', 'patch'>;
export type Statement = Ok<'/api/cases/{caseId}/statements/{id}', 'patch'>;
export type Place = Ok<'/api/cases/{caseId}/places/{id}', 'patch'>;
export type Sweep = Ok<'/api/cases/{caseId}/sweeps/{id}', 'patch'>;
export type Figure = Ok<'/api/cases/{caseId}/figures/{id}', 'patch'>;
export type Claim = Ok<'/api/cases/{caseId}/claims/{claimId}', 'get'>;
export type Evidence = Claim['evidence'][number];
export type SimilarClaim = Ok<'/api/claims/similar', 'get'>['similar'][number];
export type ClaimCounts = Ok<'/api/cases/{caseId}/claims/counts', 'get'>;
export type ClaimReviewPreview = Ok<'/api/cases/{caseId}/claims/{claimId}/claimreview', 'get'>;
export type TimelineEntry = Ok<'/api/cases/{caseId}/timeline', 'get'>['entries'][number];
export type AuditEvent = Ok<'/api/cases/{caseId}/history', 'get'>['events'][number];
export type When = NonNullable<Statement['stated']>;
export type WhenInput = NonNullable<Body<'/api/cases/{caseId}/statements', 'post'>['stated']>;
export type Verdict = NonNullable<Claim['verdict']>;
export type ClaimStatus = Claim['status'];
export type Stance = Evidence['stance'];
export type Role = Membership['role'];
export type SweepResult = Sweep['result'];
export type PlaceKind = Place['kind'];
export type SourceKind = Source['kind'];

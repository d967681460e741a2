import type { Generated, Precision, Ts, TsDefault } from '#src/platform/database/schema.ts';

/** Claims and the evidence linked to them (migration 0001). */
export type ClaimStatus = 'unverified' | 'in_review' | 'verdict';
export type Verdict = 'false' | 'misleading' | 'unproven' | 'true';

export interface ClaimTable {
  id: string;
  case_id: string;
  text: string;
  text_folded: string;
  language: string;
  first_seen_at: Ts | null;
  first_seen_precision: Precision | null;
  first_seen_time_zone: string | null;
  appearance_url: string | null;
  claimant_source_id: string | null;
  status: Generated<ClaimStatus>;
  verdict: Verdict | null;
  rating: number | null;
  rating_overridden: Generated<boolean>;
  summary: string | null;
  reviewed_by: string | null;
  reviewed_at: Ts | null;
  verdict_as_of: Ts | null;
  verdict_as_of_precision: Precision | null;
  verdict_as_of_time_zone: string | null;
  published_at: Ts | null;
  published_by: string | null;
  public_url: string | null;
  author_name: string | null;
  is_demo: Generated<boolean>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export type Stance = 'supports' | 'refutes' | 'context';
export type EvidenceTarget = 'statement' | 'sweep' | 'figure' | 'media_item' | 'person';

export interface ClaimEvidenceTable {
  id: string;
  claim_id: string;
  stance: Stance;
  target_type: EvidenceTarget;
  target_id: string;
  note: Generated<string>;
  created_at: TsDefault;
}

declare module '#src/platform/database/schema.ts' {
  interface DB {
    claim: ClaimTable;
    claim_evidence: ClaimEvidenceTable;
  }
}

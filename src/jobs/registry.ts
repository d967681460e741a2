/**
 * Named background jobs with typed payloads and retry policies. A handler returns an
 * expected outcome ('done', 'skipped', ...) — exceptions are for the unexpected and are retried.
 */

export interface JobPayloads {
  /** Walks the whole audit chain and records the result; scheduled, and on demand. */
  'audit.verify-chain': { requestedBy?: string };
}

export type JobName = keyof JobPayloads;

export type JobOutcome = 'done' | 'skipped' | 'failed_check';

export interface JobPolicy {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
}

export const JOB_POLICIES: Record<JobName, JobPolicy> = {
  'audit.verify-chain': { retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 3600 },
};

export const JOB_NAMES = Object.keys(JOB_POLICIES) as JobName[];

/**
 * Named background jobs with typed payloads and retry policies, declared by the module that owns
 * the work and discovered by the runner from the module list. A handler returns an expected
 * outcome ('done', 'failed_check', ...); exceptions are for the unexpected and are retried.
 */
import type { Config } from '#src/platform/config.ts';
import type { Context } from '#src/platform/context.ts';

/**
 * Job name → payload. Each module adds its jobs by interface merging
 * (`declare module '#src/platform/jobs/job.ts' { interface JobPayloads { ... } }`), so sending a
 * job is type-checked wherever it happens.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the modules' jobs files
export interface JobPayloads {}

export type JobName = Extract<keyof JobPayloads, string>;

export interface JobPolicy {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
}

/** Which try of a job this is. */
export interface JobAttempt {
  retry: number;
  last: boolean;
}

export interface JobDefinition<N extends JobName = JobName> {
  name: N;
  policy: JobPolicy;
  /**
   * Whether the handler runs in one transaction (default true). A job that reads for a long time
   * (walking the whole audit chain) says false, so that on the embedded database it does not hold
   * the one connection for its whole run.
   */
  transaction?: boolean;
  /**
   * How many jobs a worker takes at once and runs side by side (default 1 and 1). A queue that gets
   * many jobs at once (a folder of photos) says more.
   */
  flow?: { batchSize: number; concurrency: number };
  /** A cron schedule (UTC) from the configuration, or null for on-demand jobs only. */
  schedule?: (config: Config) => string | null;
  /** `attempt.last` is true on the last try the policy allows (a handler marks its work failed then). */
  handle(ctx: Context, data: JobPayloads[N], attempt: JobAttempt): Promise<string>;
}

/** Declares a job; the name ties the handler to its payload type. */
export function defineJob<N extends JobName>(definition: JobDefinition<N>): JobDefinition<N> {
  return definition;
}

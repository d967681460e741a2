import { randomBytes, randomUUID } from 'node:crypto';

/** The clock, behind a port so that use cases can be tested at a fixed instant. */
export interface Clock {
  now(): Date;
}

/** Randomness for ids and secrets, behind a port for the same reason. */
export interface Ids {
  uuid(): string;
  /** A URL-safe random secret of `bytes` bytes of entropy. */
  secret(bytes?: number): string;
}

export const systemClock: Clock = { now: () => new Date() };

export const cryptoIds: Ids = {
  uuid: () => randomUUID(),
  secret: (bytes = 32) => randomBytes(bytes).toString('base64url'),
};

import { Type, type Static } from '@sinclair/typebox';
import { Instant, Nullable } from '#src/platform/schemas.ts';

export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a UTC day, YYYY-MM-DD' });

export const StampBody = Type.Object(
  { day: Type.Optional(Day) },
  { additionalProperties: false, description: 'the day to stamp (default: yesterday, UTC)' },
);

export const TimeStampRecord = Type.Object({
  id: Type.String(),
  day: Day,
  manifestSha256: Type.String(),
  captures: Type.Integer({ description: 'captures in the manifest' }),
  webCaptures: Type.Integer(),
  auditHead: Type.Union([Type.Object({ seq: Type.Integer(), hash: Type.String() }), Type.Null()]),
  tsaUrl: Type.String(),
  genTime: Instant,
  serial: Type.String(),
  signer: Type.String(),
  tsaCertFingerprint: Nullable(
    Type.String({
      description:
        'SHA-256 fingerprint of the authority certificate the token was checked against when kept (as openssl x509 -fingerprint -sha256 prints it); null for stamps made before athar kept it',
    }),
  ),
  createdBy: Type.String(),
  createdAt: Instant,
});
export type TimeStampRecord = Static<typeof TimeStampRecord>;

export const TimeStampList = Type.Object({ stamps: Type.Array(TimeStampRecord) });

export const StampVerifyResult = Type.Object({
  checked: Type.Integer(),
  failed: Type.Array(Type.Object({ id: Type.String(), day: Day, reason: Type.String() })),
});
export type StampVerifyResult = Static<typeof StampVerifyResult>;

import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from '#src/platform/schemas.ts';

export const ExportEvidenceBody = Type.Object(
  {
    items: Type.Optional(
      Type.Array(Uuid, {
        minItems: 1,
        maxItems: 10_000,
        description:
          "the media items to export (ids; each must be of this case); all the case's items and URL captures when left out",
      }),
    ),
  },
  { additionalProperties: false },
);
export type ExportEvidenceBody = Static<typeof ExportEvidenceBody>;

/** The response headers that describe the package (the body is the archive itself). */
export const EXPORT_HEADERS = {
  exportId: 'x-athar-export-id',
  sha256: 'x-athar-sha256',
  items: 'x-athar-items',
} as const;

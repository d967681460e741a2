import { Type } from '@sinclair/typebox';
import type { Router } from '#src/platform/http/router.ts';
import { notFound } from '#src/platform/errors.ts';
import { Uuid } from '#src/platform/schemas.ts';
import { listStamps, stampDay, verifyStamps, yesterday } from './stamp.ts';
import { StampBody, StampVerifyResult, TimeStampList, TimeStampRecord } from './schemas.ts';
import { TimeStampRepository } from './timestamps.repository.ts';

const tags = ['timestamps'];
const admin = { kind: 'installation_admin' } as const;
const IdParams = Type.Object({ id: Uuid });

/** Trusted time: stamping a day's manifest, the stamps, and checking them again. */
export function timestampRoutes(r: Router): void {
  r.post(
    '/api/timestamps',
    {
      access: admin,
      tags,
      summary: "Stamp a day's manifest with the configured RFC 3161 authority (default: yesterday, UTC)",
      body: StampBody,
      response: TimeStampRecord,
      status: 201,
      transaction: false,
    },
    (ctx, { body }) => stampDay(ctx, body.day ?? yesterday(ctx.clock.now())),
  );
  r.get(
    '/api/timestamps',
    { access: admin, tags, summary: 'The stamps, newest day first', response: TimeStampList },
    async (ctx) => ({ stamps: await listStamps(ctx) }),
  );
  r.post(
    '/api/timestamps/verify',
    {
      access: admin,
      tags,
      summary: 'Check every stored token again against its manifest and the authority certificate',
      response: StampVerifyResult,
      transaction: false,
    },
    (ctx) => verifyStamps(ctx),
  );
  r.get(
    '/api/timestamps/:id/manifest',
    { access: admin, tags, summary: 'The manifest exactly as stamped', params: IdParams },
    async (ctx, { params }, { reply }) => {
      const row = await ctx.repo(TimeStampRepository).byId(params.id);
      if (!row) throw notFound('timestamp.not_found', `no time-stamp ${params.id}`);
      void reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="manifest-${row.day}.json"`);
      return row.manifest;
    },
  );
  r.get(
    '/api/timestamps/:id/token',
    {
      access: admin,
      tags,
      summary: 'The RFC 3161 token (DER; openssl ts -verify -token_in checks it)',
      params: IdParams,
    },
    async (ctx, { params }, { reply }) => {
      const row = await ctx.repo(TimeStampRepository).byId(params.id);
      if (!row) throw notFound('timestamp.not_found', `no time-stamp ${params.id}`);
      void reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename="manifest-${row.day}.tst"`);
      return Buffer.from(row.token, 'base64');
    },
  );
}

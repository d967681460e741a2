import type { Command } from 'commander';
import type { StampVerifyResult, TimeStampRecord } from '#src/modules/timestamps/schemas.ts';
import { withClient } from '../client.ts';
import { connectOptions, emit, humanInstant } from '../common.ts';
import { table } from '../output.ts';

const line = (s: TimeStampRecord) =>
  `${s.day}: ${s.captures} captures, ${s.webCaptures} URL captures, audit head ${s.auditHead ? `#${s.auditHead.seq}` : 'none'}; stamped ${humanInstant(s.genTime)} by ${s.signer} (manifest ${s.manifestSha256.slice(0, 16)}…)`;

export async function runStamp(o: { day?: string; json?: boolean }, cmd: Command): Promise<number> {
  const r = await withClient(connectOptions(cmd), (client) =>
    client.request<TimeStampRecord>('POST', '/api/timestamps', { body: o.day ? { day: o.day } : {} }),
  );
  emit(o.json, r, () => line(r));
  return 0;
}

export async function runList(o: { json?: boolean }, cmd: Command): Promise<number> {
  const r = await withClient(connectOptions(cmd), (client) =>
    client.request<{ stamps: TimeStampRecord[] }>('GET', '/api/timestamps'),
  );
  emit(o.json, r, () =>
    r.stamps.length === 0
      ? 'no stamps yet'
      : table(
          ['day', 'captures', 'URL captures', 'stamped', 'by', 'manifest'],
          r.stamps.map((s) => [
            s.day,
            String(s.captures),
            String(s.webCaptures),
            humanInstant(s.genTime),
            s.signer,
            s.manifestSha256.slice(0, 16),
          ]),
        ),
  );
  return 0;
}

export async function runVerifyStamps(o: { json?: boolean }, cmd: Command): Promise<number> {
  const r = await withClient(connectOptions(cmd), (client) =>
    client.request<StampVerifyResult>('POST', '/api/timestamps/verify'),
  );
  emit(o.json, r, () =>
    [
      `checked ${r.checked} stamps: ${r.failed.length} failed`,
      ...r.failed.map((f) => `FAILED ${f.day} ${f.id}: ${f.reason}`),
    ].join('\n'),
  );
  return r.failed.length > 0 ? 1 : 0;
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GENESIS_HASH, canonicalJson, eventHash, verifyChain, type ChainedEvent } from './chain.ts';

function chain(n: number): (ChainedEvent & { stored: string })[] {
  const out: (ChainedEvent & { stored: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e: ChainedEvent = {
      seq: i,
      id: `id-${i}`,
      at: new Date(Date.UTC(2024, 11, 9, 13, i)).toISOString(),
      actorId: null,
      actor: 'alice',
      action: 'claim.created',
      entityType: 'claim',
      entityId: `c${i}`,
      caseId: 'k',
      before: null,
      after: { text: `claim ${i}`, n: i },
      prevHash: prev,
    };
    const stored = eventHash(e);
    out.push({ ...e, stored });
    prev = stored;
  }
  return out;
}

describe('canonicalJson', () => {
  it('sorts keys at every level and is independent of insertion order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        return canonicalJson(o) === canonicalJson(reversed);
      }),
    );
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and returns its head', () => {
    const c = chain(5);
    expect(verifyChain(c, { seq: 5, hash: c[4]!.stored })).toEqual({
      ok: true,
      count: 5,
      lastHash: c[4]!.stored,
      lastSeq: 5,
    });
  });

  it('names an altered event', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, after: { text: 'edited', n: 3 } };
    expect(verifyChain(c)).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 3, id: 'id-3' } });
  });

  it('names a deleted event', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChain(c)).toMatchObject({ ok: false, problem: { kind: 'deleted', seq: 3, missingSeq: 2 } });
  });

  it('names reordered events (positions swapped)', () => {
    const c = chain(5);
    const a = c[1]!,
      b = c[2]!;
    c[1] = { ...b, seq: 2 };
    c[2] = { ...a, seq: 3 };
    expect(verifyChain(c)).toMatchObject({ ok: false, problem: { kind: 'reordered', seq: 2, id: 'id-3' } });
  });

  it('notices removal of the newest events through the recorded head', () => {
    const c = chain(5);
    expect(verifyChain(c.slice(0, 3), { seq: 5, hash: c[4]!.stored })).toMatchObject({
      ok: false,
      problem: { kind: 'truncated', missingSeq: 4 },
    });
  });
});

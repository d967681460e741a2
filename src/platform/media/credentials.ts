/**
 * Content credentials (C2PA), read with the C2PA project's own reader (c2pa-rs compiled to
 * WebAssembly, @contentauth/c2pa-wasm). Reading only, and offline: a manifest kept at a URL the
 * file names ("remote manifest") is never fetched — a file must not make athar reach out — and is
 * reported as such. No trust list is configured, so a test or unknown signer is reported as
 * `signingCredential.untrusted`: that says who vouches for the signer, not that the file was
 * altered. A file with no manifest has "no content credentials" (platforms strip them); that is
 * never evidence of inauthenticity.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { digitalSourceKind } from './metadata.ts';

type Wasm = typeof import('@contentauth/c2pa-wasm');
let wasm: Wasm | null = null;

async function reader(): Promise<Wasm> {
  if (!wasm) {
    const m = await import('@contentauth/c2pa-wasm');
    const require = createRequire(import.meta.url);
    const pkg = path.dirname(require.resolve('@contentauth/c2pa-wasm/package.json'));
    m.initSync({ module: await readFile(path.join(pkg, 'pkg', 'c2pa_bg.wasm')) });
    wasm = m;
  }
  return wasm;
}

/** The reader's settings: never fetch a remote manifest (c2pa-rs `verify.remote_manifest_fetch`). */
export const OFFLINE_CONTEXT = JSON.stringify({ verify: { remote_manifest_fetch: false } });

/** Files above this size are not read for credentials (the reader needs the whole file in memory). */
const MAX_BYTES = 512 * 1024 * 1024;

export interface ContentCredentials {
  /**
   * none: no manifest; valid / invalid: c2pa-rs's validation state (no trust list); remote: the
   * file points to a manifest at a URL, not fetched; unreadable: a manifest the reader could not
   * read (with the reader's error).
   */
  state: 'none' | 'valid' | 'invalid' | 'remote' | 'unreadable' | 'not_read';
  validationState: string | null;
  /** The reader's failure and status codes (signingCredential.untrusted, assertion.dataHash.mismatch, ...). */
  codes: string[];
  signer: { issuer: string | null; commonName: string | null; time: string | null } | null;
  claimGenerator: string | null;
  /** The active manifest's actions: what was done, with which source type, by which software. */
  actions: { action: string; digitalSourceType: string | null; softwareAgent: string | null }[];
  /** IPTC digitalSourceType values (last path segment); `ingredient:` marks one from an ingredient's manifest. */
  digitalSourceTypes: string[];
  /** trained (generative AI) / algorithmic (not trained) anywhere in the chain, or null. */
  ai: 'trained' | 'algorithmic' | null;
  /** The reader's error, or why the file was not read. */
  error: string | null;
}

export const NO_CREDENTIALS: Omit<ContentCredentials, 'state'> = {
  validationState: null,
  codes: [],
  signer: null,
  claimGenerator: null,
  actions: [],
  digitalSourceTypes: [],
  ai: null,
  error: null,
};

interface Manifest {
  claim_generator?: string;
  claim_generator_info?: { name?: string; version?: string }[];
  signature_info?: { issuer?: string; common_name?: string; time?: string };
  assertions?: {
    label?: string;
    data?: { actions?: { action?: string; digitalSourceType?: string; softwareAgent?: unknown }[] };
  }[];
}

function actionsOf(m: Manifest) {
  return (m.assertions ?? [])
    .filter((a) => /^c2pa\.actions(\.v\d+)?$/.test(a.label ?? ''))
    .flatMap((a) => a.data?.actions ?? [])
    .map((a) => ({
      action: String(a.action ?? ''),
      digitalSourceType: typeof a.digitalSourceType === 'string' ? a.digitalSourceType : null,
      softwareAgent:
        typeof a.softwareAgent === 'string'
          ? a.softwareAgent
          : typeof (a.softwareAgent as { name?: unknown } | undefined)?.name === 'string'
            ? String((a.softwareAgent as { name: string }).name)
            : null,
    }));
}

const lastSegment = (uri: string) => uri.split('/').pop() ?? uri;

/** Reads a file's content credentials. `mime` as the reader wants it (image/jpeg, video/mp4, ...). */
export async function readCredentials(file: string, mime: string): Promise<ContentCredentials> {
  const size = (await stat(file)).size;
  if (size > MAX_BYTES)
    return { state: 'not_read', ...NO_CREDENTIALS, error: `larger than ${MAX_BYTES} bytes` };
  const m = await reader();
  let r;
  try {
    r = await m.WasmReader.fromBytes(mime, await readFile(file), OFFLINE_CONTEXT);
  } catch (e) {
    const msg = String(e);
    if (/JumbfNotFound|NotFound|UnsupportedType/.test(msg)) return { state: 'none', ...NO_CREDENTIALS };
    if (/RemoteManifest/.test(msg))
      return { state: 'remote', ...NO_CREDENTIALS, error: 'remote manifest, not fetched' };
    return { state: 'unreadable', ...NO_CREDENTIALS, error: msg.slice(0, 500) };
  }
  try {
    const j = JSON.parse(r.json()) as {
      active_manifest?: string;
      manifests?: Record<string, Manifest>;
      validation_state?: string;
      validation_status?: { code?: string }[];
      validation_results?: unknown;
    };
    const manifests = j.manifests ?? {};
    const active = j.active_manifest ? manifests[j.active_manifest] : undefined;
    const codes = [...new Set((j.validation_status ?? []).map((s) => String(s.code ?? '')).filter(Boolean))];
    const types: string[] = [];
    for (const [label, man] of Object.entries(manifests))
      for (const a of actionsOf(man))
        if (a.digitalSourceType) {
          const t = `${label === j.active_manifest ? '' : 'ingredient:'}${lastSegment(a.digitalSourceType)}`;
          if (!types.includes(t)) types.push(t);
        }
    const kinds = types.map((t) => digitalSourceKind(t.replace(/^ingredient:/, '')));
    const ai = kinds.some((k) => k === 'trained' || k === 'composite-trained')
      ? 'trained'
      : kinds.includes('algorithmic')
        ? 'algorithmic'
        : null;
    const gen =
      active?.claim_generator_info
        ?.map((g) => [g.name, g.version].filter(Boolean).join(' '))
        .filter(Boolean)
        .join(', ') ||
      active?.claim_generator ||
      null;
    const state = String(j.validation_state ?? '').toLowerCase();
    return {
      state: state === 'invalid' ? 'invalid' : 'valid',
      validationState: j.validation_state ?? null,
      codes,
      signer: active?.signature_info
        ? {
            issuer: active.signature_info.issuer ?? null,
            commonName: active.signature_info.common_name ?? null,
            time: active.signature_info.time ?? null,
          }
        : null,
      claimGenerator: gen,
      actions: active ? actionsOf(active) : [],
      digitalSourceTypes: types,
      ai,
      error: null,
    };
  } finally {
    r.free();
  }
}

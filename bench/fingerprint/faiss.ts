/**
 * Builds and runs bench/fingerprint/faiss-mih.cpp (FAISS IndexBinaryMultiHash, the peer of the
 * index benchmark) against Debian's libfaiss-dev. Only the benchmark uses this: tests never need
 * FAISS, and without it the benchmark says so and goes on.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';

const SOURCE = path.join(import.meta.dirname, 'faiss-mih.cpp');
const WORK = path.resolve(import.meta.dirname, '../.work');
const BINARY = path.join(WORK, 'faiss-mih');

/** What the FAISS program reports: build time, peak memory, and per query its time and ids. */
export interface FaissRun {
  buildS: number;
  peakRssBytes: number;
  queryMs: number[];
  /** Per query, CPU time of the process (the cores are shared: wall time includes waiting). */
  queryCpuMs: number[];
  /** Per query, the matching row numbers (0-based insertion order), ascending. */
  ids: number[][];
}

/** Compiles the program once (again when the source is newer); returns why not on failure. */
export function buildFaiss(): { binary: string } | { unavailable: string } {
  if (!existsSync('/usr/include/faiss/IndexBinaryHash.h')) {
    return { unavailable: 'libfaiss-dev is not installed (apt-get install -y libfaiss-dev)' };
  }
  mkdirSync(WORK, { recursive: true });
  if (existsSync(BINARY) && statSync(BINARY).mtimeMs > statSync(SOURCE).mtimeMs) return { binary: BINARY };
  try {
    // Debian ships FAISS as a static library: its BLAS, LAPACK and OpenMP are linked here.
    execFileSync(
      'g++',
      [
        '-O3',
        '-march=native',
        '-std=c++17',
        SOURCE,
        '-o',
        BINARY,
        '-lfaiss',
        '-fopenmp',
        '-lblas',
        '-llapack',
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    return { binary: BINARY };
  } catch (e) {
    return {
      unavailable: `g++ could not build faiss-mih.cpp: ${String((e as { stderr?: unknown }).stderr ?? e).slice(0, 500)}`,
    };
  }
}

/**
 * Runs FAISS on `n` hashes packed as words (little-endian, so their bytes are the hash bytes on
 * this machine) and `queries` (8 words each), one OpenMP thread, within `timeoutMs`.
 */
export async function runFaiss(
  binary: string,
  words: Uint32Array,
  n: number,
  queries: Uint32Array,
  radius: number,
  timeoutMs: number,
): Promise<FaissRun> {
  if (new Uint8Array(Uint32Array.of(1).buffer)[0] !== 1)
    throw new Error('the FAISS input assumes a little-endian machine');
  const input = path.join(WORK, `faiss-input-${process.pid}.bin`);
  const nq = queries.length / 8;
  try {
    const out = createWriteStream(input);
    const chunk = 1 << 22; // words per write: 16 MB, no copy of the 320 MB set
    out.write(Buffer.from(Uint32Array.of(n, nq, radius, 0).buffer));
    for (let at = 0; at < n * 8; at += chunk) {
      const part = words.subarray(at, Math.min(n * 8, at + chunk));
      if (!out.write(Buffer.from(part.buffer, part.byteOffset, part.byteLength))) await once(out, 'drain');
    }
    out.end(Buffer.from(queries.buffer, queries.byteOffset, queries.byteLength));
    await once(out, 'finish');

    const child = spawn(binary, [input], {
      env: { ...process.env, OMP_NUM_THREADS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => stdout.push(b));
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
    clearTimeout(timer);
    if (code !== 0)
      throw new Error(
        `faiss-mih exited with ${code ?? signal}: ${Buffer.concat(stderr).toString().slice(0, 500)}`,
      );

    const run: FaissRun = { buildS: NaN, peakRssBytes: NaN, queryMs: [], queryCpuMs: [], ids: [] };
    for (const line of Buffer.concat(stdout).toString().split('\n')) {
      const f = line.split(' ');
      if (f[0] === 'build_s') run.buildS = Number(f[1]);
      else if (f[0] === 'peak_rss_kb') run.peakRssBytes = Number(f[1]) * 1024;
      else if (f.length >= 4) {
        run.queryMs.push(Number(f[1]) / 1000);
        run.queryCpuMs.push(Number(f[2]) / 1000);
        run.ids.push(f.slice(4).map(Number));
      }
    }
    if (run.ids.length !== nq) throw new Error(`faiss-mih answered ${run.ids.length} of ${nq} queries`);
    return run;
  } finally {
    rmSync(input, { force: true });
  }
}

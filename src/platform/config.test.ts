import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { AppError } from './errors.ts';

describe('loadConfig', () => {
  it('has defaults that run athar on 127.0.0.1:4000 with ./data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      publicBaseUrl: 'http://127.0.0.1:4000',
      trustProxy: false,
      loadDemo: true,
    });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
  });

  it('reads the environment', () => {
    const c = loadConfig({
      ATHAR_PORT: '8080',
      ATHAR_TRUST_PROXY: '2',
      DATABASE_URL: 'postgres://x@h/db',
      ATHAR_DEMO: 'false',
      ATHAR_PUBLIC_BASE_URL: 'https://desk.example.org/',
    });
    expect(c).toMatchObject({
      port: 8080,
      trustProxy: 2,
      databaseUrl: 'postgres://x@h/db',
      loadDemo: false,
      publicBaseUrl: 'https://desk.example.org',
    });
    expect(loadConfig({ ATHAR_TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy).toBe('10.0.0.0/8,127.0.0.1');
    expect(
      loadConfig({ FFMPEG_PATH: '/opt/ffmpeg/bin/ffmpeg', FFPROBE_PATH: '/opt/ffmpeg/bin/ffprobe' }),
    ).toMatchObject({ ffmpegPath: '/opt/ffmpeg/bin/ffmpeg', ffprobePath: '/opt/ffmpeg/bin/ffprobe' });
    expect('ffmpegPath' in loadConfig({})).toBe(false);
  });

  it('names the variable that is wrong', () => {
    const cases: [Record<string, string>, string][] = [
      [{ ATHAR_PORT: 'eighty' }, 'ATHAR_PORT'],
      [{ ATHAR_PORT: '70000' }, 'ATHAR_PORT'],
      [{ ATHAR_RUN_WORKERS: 'sometimes' }, 'ATHAR_RUN_WORKERS'],
      [{ ATHAR_ADMIN_PASSWORD: 'short' }, 'ATHAR_ADMIN_PASSWORD'],
      [{ ATHAR_PUBLIC_BASE_URL: 'desk.example.org' }, 'ATHAR_PUBLIC_BASE_URL'],
      [{ ATHAR_LOG_LEVEL: 'loud' }, 'ATHAR_LOG_LEVEL'],
    ];
    for (const [env, name] of cases) {
      let err: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        err = e;
      }
      expect(err, name).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('config.invalid');
      expect((err as AppError).issues?.map((i) => i.field)).toContain(name);
    }
  });

  it('captures and trusted time: private addresses refused, no authority, the URL check on unless off', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ captureAllowPrivate: false, captureTimeoutS: 60, urlCheckCron: '53 4 * * *' });
    expect(c.tsaUrl).toBeUndefined();
    expect(loadConfig({ ATHAR_URL_CHECK_CRON: 'off' }).urlCheckCron).toBe('off');
    expect(() => loadConfig({ ATHAR_TSA_URL: 'http://tsa.example.org/' })).toThrow(
      /ATHAR_TSA_CERT: required/,
    );
    expect(() => loadConfig({ ATHAR_TSA_URL: 'ftp://tsa.example.org/', ATHAR_TSA_CERT: '/x.pem' })).toThrow(
      /ATHAR_TSA_URL/,
    );
  });
});

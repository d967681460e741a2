import { describe, expect, it } from 'vitest';
import type { ContainerFacts } from '#src/platform/media/ffmpeg.ts';
import { webPlayable } from './working-copies.ts';

const stream = (index: number, type: string, codec: string) => ({
  index,
  type,
  codec,
  profile: null,
  bitRate: null,
  language: null,
  createdAsWritten: null,
  coverArt: false,
});

const facts = (formatName: string, video: string, audio?: string): ContainerFacts => ({
  format: null,
  formatName,
  durationS: 1,
  bitRate: null,
  createdAsWritten: null,
  encoder: null,
  tags: {},
  streams: [stream(0, 'video', video), ...(audio ? [stream(1, 'audio', audio)] : [])],
});

describe('which videos a browser plays as they are (else athar makes a web rendition)', () => {
  it('H.264 or AV1 in MP4/MOV with AAC, and VP9 in WebM with Opus', () => {
    expect(webPlayable(facts('mov,mp4,m4a,3gp,3g2,mj2', 'h264', 'aac'))).toBe(true);
    expect(webPlayable(facts('mov,mp4,m4a,3gp,3g2,mj2', 'av1'))).toBe(true);
    expect(webPlayable(facts('matroska,webm', 'vp9', 'opus'))).toBe(true);
  });
  it('not HEVC from a phone, MPEG-4 Part 2 in AVI, or H.264 in an MKV (ffprobe names it like WebM)', () => {
    expect(webPlayable(facts('mov,mp4,m4a,3gp,3g2,mj2', 'hevc', 'aac'))).toBe(false);
    expect(webPlayable(facts('avi', 'mpeg4'))).toBe(false);
    expect(webPlayable(facts('matroska,webm', 'h264', 'aac'))).toBe(false);
    expect(webPlayable(facts('matroska,webm', 'vp9', 'aac'))).toBe(false);
    expect(webPlayable({ error: 'ffprobe could not read it' })).toBe(false);
    expect(webPlayable(undefined)).toBe(false);
  });
});

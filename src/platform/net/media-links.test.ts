import { describe, expect, it } from 'vitest';
import { mediaLinks } from './media-links.ts';

describe('mediaLinks', () => {
  it('finds card media first, then sources and pictures, resolved, each once, http(s) only', () => {
    const html = `<!doctype html><html><head>
      <base href="https://cdn.example.org/assets/">
      <meta property="og:image" content="/img/cover.jpg">
      <meta property="og:video:secure_url" content="https://video.example.org/v.mp4">
      <meta name="twitter:image" content="https://cdn.example.org/img/cover.jpg">
      <link rel="image_src" href="thumb.png">
      </head><body>
      <video src="clip.webm"><source src="clip.mp4" type="video/mp4"></video>
      <img src="data:image/png;base64,AAAA"><img src="javascript:alert(1)">
      <img src="a.jpg#frag"><img src="a.jpg">
      <script>document.write('<img src="evil.jpg">')</script>
      </body></html>`;
    expect(mediaLinks(html, 'https://example.org/post/1')).toEqual([
      'https://video.example.org/v.mp4',
      'https://cdn.example.org/img/cover.jpg',
      'https://cdn.example.org/assets/thumb.png',
      'https://cdn.example.org/assets/clip.webm',
      'https://cdn.example.org/assets/clip.mp4',
      'https://cdn.example.org/assets/a.jpg',
    ]);
  });

  it('stops at the limit and survives broken markup', () => {
    const html =
      '<img src="1.jpg"><img src="2.jpg"><img src="3.jpg"><meta property="og:image" content="http://[bad">';
    expect(mediaLinks(html, 'http://example.org/', 2)).toEqual([
      'http://example.org/1.jpg',
      'http://example.org/2.jpg',
    ]);
    expect(mediaLinks('<<<>>>', 'http://example.org/')).toEqual([]);
  });
});

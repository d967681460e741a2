/**
 * The direct media a web page points at: its Open Graph and Twitter card pictures and videos,
 * `<video>`/`<source>`/`<audio>` sources, `<link rel="image_src">` and the first pictures of the
 * page, in that order, each once, resolved against the page's address (and its `<base href>`),
 * http and https only. Read with htmlparser2's streaming parser: no DOM is built, nothing is run,
 * and nothing is fetched here.
 */
import { Parser } from 'htmlparser2';

const META_MEDIA = new Set([
  'og:video:secure_url',
  'og:video:url',
  'og:video',
  'og:image:secure_url',
  'og:image:url',
  'og:image',
  'twitter:player:stream',
  'twitter:image',
  'twitter:image:src',
]);

/** Up to `limit` media URLs named by the HTML page at `pageUrl`, most telling first. */
export function mediaLinks(html: string, pageUrl: string, limit = 10): string[] {
  let base = pageUrl;
  const meta: { rank: number; url: string }[] = [];
  const sources: string[] = [];
  const images: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && attrs.href) {
          try {
            base = new URL(attrs.href, pageUrl).href;
          } catch {
            // a broken <base> is ignored
          }
        } else if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? '').toLowerCase();
          if (META_MEDIA.has(key) && attrs.content)
            meta.push({ rank: [...META_MEDIA].indexOf(key), url: attrs.content });
        } else if ((name === 'video' || name === 'audio' || name === 'source') && attrs.src)
          sources.push(attrs.src);
        else if (name === 'link' && (attrs.rel ?? '').toLowerCase() === 'image_src' && attrs.href)
          sources.push(attrs.href);
        else if (name === 'img' && attrs.src && images.length < limit) images.push(attrs.src);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const out: string[] = [];
  const ordered = [...meta.sort((a, b) => a.rank - b.rank).map((m) => m.url), ...sources, ...images];
  for (const raw of ordered) {
    let u: URL;
    try {
      u = new URL(raw.trim(), base);
    } catch {
      continue;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
    u.hash = '';
    if (!out.includes(u.href)) out.push(u.href);
    if (out.length >= limit) break;
  }
  return out;
}

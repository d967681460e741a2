/**
 * Output that people paste into HTML or open in a browser. User content (claim texts, URLs, names)
 * is attacker-controlled: it is escaped for where it goes, never trusted to be harmless.
 */

const JSON_IN_HTML: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON that stays JSON inside an HTML <script> element: `<`, `>` and `&` (and the two line
 * separators JavaScript treats as ends of line) as \u escapes, so `</script>` in a claim cannot
 * end the element a publisher pastes ClaimReview into. Still valid JSON, equal once parsed.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => JSON_IN_HTML[c]!);
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value: nothing in it is markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * What an article's content may hold. Content is formatted text: line breaks and a safe subset of Markdown
 * (headings, lists, emphasis, links, tables) stored as written; the console renders it without raw HTML. Raw
 * HTML tags and script URLs are refused rather than silently stripped, so the editor sees what was wrong and
 * what is stored is exactly what was reviewed.
 */

/** A tag-like `<name …>` or `</name>`; `年龄<60岁` or `a < b` are not tags. */
const HTML_TAG = /<\/?([a-z][a-z0-9-]*)(?:\s[^<>]*)?\/?>/giu;
/** `<br>` is harmless and common in text pasted from office documents. */
const ALLOWED_TAGS = new Set(['br']);
const SCRIPT_URL = /\]\(\s*(?:javascript|vbscript|data):/iu;

/** Why the content is refused, or null when it is acceptable. */
export function findUnsafeMarkup(content: string): string | null {
  for (const m of content.matchAll(HTML_TAG)) {
    if (!ALLOWED_TAGS.has(m[1]!.toLowerCase())) {
      return `raw HTML is not allowed (${m[0].slice(0, 30)}); use Markdown`;
    }
  }
  if (SCRIPT_URL.test(content)) return 'links may not use javascript:, vbscript: or data: addresses';
  return null;
}

/**
 * Markdown reduced to its words, for snippets: link targets, emphasis marks, heading and list markers and
 * table pipes go; line breaks become spaces. Only the characters that carry no words are dropped.
 */
export function toPlainText(markdown: string): string {
  return markdown
    .replace(/<br\s*\/?>/giu, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gmu, '')
    .replace(/^\s*\|?[\s:|-]+\|[\s:|-]*$/gmu, '')
    .replace(/(\*\*|__|\*|~~|`)/gu, '')
    .replace(/\s*\|\s*/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The highlighted excerpt an agent reads in a search result: the window of the content that holds the most
 * query words, with the words wrapped in <mark> and everything else escaped as HTML. Pure.
 */
import { toPlainText } from './content-rules.ts';

export const SNIPPET_TARGET = 100;
export const SNIPPET_MAX = 120;
/** Characters of context kept before the first match, unless a sentence starts closer. */
const LEAD = 16;
const SENTENCE_END = /[。！？；!?;\n]/u;

interface Match {
  start: number;
  end: number;
  word: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const HTML_UNESCAPES = Object.fromEntries(Object.entries(HTML_ESCAPES).map(([c, e]) => [e, c]));

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => HTML_ESCAPES[c]!);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function findMatches(text: string, words: readonly string[]): Match[] {
  const usable = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  if (usable.length === 0) return [];
  const re = new RegExp(usable.map(escapeRegExp).join('|'), 'giu');
  return [...text.matchAll(re)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    word: m[0].toLowerCase(),
  }));
}

/** Where a window around `anchor` starts: a little context before it, from the start of its sentence if near. */
function windowStart(text: string, anchor: number): number {
  let start = Math.max(0, anchor - LEAD);
  for (let i = anchor - 1; i >= start; i--) {
    if (SENTENCE_END.test(text[i]!)) return i + 1;
  }
  if (start > 0 && /[\uDC00-\uDFFF]/u.test(text[start]!)) start++;
  return start;
}

function chooseWindow(text: string, matches: Match[]): { start: number; end: number } {
  if (text.length <= SNIPPET_MAX) return { start: 0, end: text.length };
  let best = { start: 0, end: SNIPPET_TARGET, distinct: -1, total: -1 };
  for (const anchor of matches) {
    let start = windowStart(text, anchor.start);
    let end = Math.min(text.length, start + SNIPPET_TARGET);
    if (end === text.length) start = Math.max(0, end - SNIPPET_TARGET);
    // Do not cut a word that straddles the end when a little more room (up to the maximum) takes it whole.
    const straddling = matches.find((m) => m.start < end && m.end > end);
    if (straddling && straddling.end - start <= SNIPPET_MAX) end = straddling.end;
    const inside = matches.filter((m) => m.start >= start && m.end <= end);
    const distinct = new Set(inside.map((m) => m.word)).size;
    if (distinct > best.distinct || (distinct === best.distinct && inside.length > best.total)) {
      best = { start, end, distinct, total: inside.length };
    }
  }
  return { start: best.start, end: best.end };
}

/**
 * The snippet of `content` for `words` (the query's expanded words). Content shorter than the maximum is shown
 * whole; otherwise `…` marks where it was cut.
 */
export function buildSnippet(content: string, words: readonly string[]): string {
  const text = toPlainText(content);
  const matches = findMatches(text, words);
  const { start, end } = chooseWindow(text, matches);
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const m of matches) {
    if (m.start < start || m.end > end) continue;
    out += escapeHtml(text.slice(at, m.start)) + `<mark>${escapeHtml(text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  out += escapeHtml(text.slice(at, end));
  if (end < text.length) out += '…';
  return out;
}

/** The snippet for a terminal: marks as 【】 and the HTML escapes undone. */
export function snippetToText(snippet: string): string {
  return snippet
    .replace(/<mark>/gu, '【')
    .replace(/<\/mark>/gu, '】')
    .replace(/&(?:amp|lt|gt|quot|#39);/gu, (e) => HTML_UNESCAPES[e]!);
}

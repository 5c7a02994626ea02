/**
 * Districts named in a request's text, for requests that carry no district field (online messages,
 * exports). A work order has its district filled in at intake; a message board post has only text.
 */
import { PLACE_NAMES } from '../../../platform/text/user-dict.ts';

/**
 * The anonymised codes of the TipDM message data (A3区, A7县, A9市 — a district, county or county-level
 * city of A市) and the pilot cities' districts and counties.
 */
const CODED_DISTRICT = /[A-Z]\d+[区县市]/u;
const CODED_PLACE = /[A-Z]\d*[省市区县]/gu;
const KNOWN_DISTRICTS = PLACE_NAMES.filter((name) => /[区县]$/u.test(name));

/** The first district named in the title, else in the body; null when none is. */
export function extractDistrict(title: string, content: string): string | null {
  return findDistrict(title) ?? findDistrict(content);
}

function findDistrict(text: string): string | null {
  let best: { at: number; name: string } | null = null;
  const coded = CODED_DISTRICT.exec(text);
  if (coded) best = { at: coded.index, name: coded[0] };
  for (const name of KNOWN_DISTRICTS) {
    const at = text.indexOf(name);
    if (at >= 0 && (best === null || at < best.at)) best = { at, name };
  }
  return best?.name ?? null;
}

/**
 * The coded place names occurring in the texts (A市, A3区, B市 …), most frequent first: jieba needs
 * them as user words (otherwise A市伊景园 is cut a|市伊|景园), and the detector drops them from the
 * words because places are compared through the district.
 */
export function collectPlaceCodes(texts: Iterable<string>): string[] {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const m of text.matchAll(CODED_PLACE)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
}

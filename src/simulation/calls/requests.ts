/**
 * Who calls and what they ask for: caller numbers (with repeat callers), names, and the request an agent registers,
 * drawn from the demo city's catalogue and templates (src/demo/city-data.ts) with the season's weights.
 */
import type { LocalDate } from '../../calendar/local-time.ts';
import {
  DEMO_CATEGORIES,
  DEMO_COMMUNITIES,
  DEMO_COMPANIES,
  DEMO_DISTRICTS,
  DEMO_GIVEN_NAMES,
  DEMO_REQUEST_TEMPLATES,
  DEMO_SURNAMES,
  demoCategoryLeaves,
  type DemoDistrict,
  type DemoRequestTemplate,
  type DemoRequestType,
} from '../../demo/city-data.ts';
import type { Random } from '../../platform/random.ts';
import { cumulativeOf, deriveSeed, pickIndex } from './distributions.ts';
import type { SeasonalRule, SimulatorParameters } from './parameters.ts';

/**
 * Mobile number blocks (号段) of the three carriers, weighted roughly by their subscriber shares (China Mobile
 * over half, Telecom and Unicom about a fifth each). Numbers are random: any match with a real subscriber is chance.
 */
const blocks = (list: string, share: number) =>
  list.split(' ').map((b, _, all) => [b, share / all.length] as const);
const MOBILE_BLOCKS: readonly (readonly [string, number])[] = [
  ...blocks('134 135 136 137 138 139 147 150 151 152 157 158 159 178 182 183 184 187 188 198', 0.56),
  ...blocks('130 131 132 155 156 166 175 176 185 186', 0.2),
  ...blocks('133 149 153 173 177 180 181 189 191 199', 0.24),
];
const MOBILE_CUMULATIVE = cumulativeOf(MOBILE_BLOCKS.map(([, w]) => w));

function digits(rnd: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rnd.next() * 10));
  return s;
}

export function drawFreshNumber(rnd: Random, callers: SimulatorParameters['callers']): string {
  if (rnd.chance(callers.landlineShare))
    return `${callers.areaCode}${String(rnd.int(2, 8))}${digits(rnd, 6)}`;
  return `${MOBILE_BLOCKS[pickIndex(rnd, MOBILE_CUMULATIVE)]![0]}${digits(rnd, 8)}`;
}

/** Recent callers, a ring: a repeat caller is one of them. */
export interface CallerBook {
  recent: string[];
  next: number;
}

export function createCallerBook(): CallerBook {
  return { recent: [], next: 0 };
}

export function drawCallerNumber(
  book: CallerBook,
  rnd: Random,
  callers: SimulatorParameters['callers'],
): string {
  if (book.recent.length > 0 && rnd.chance(callers.repeatShare)) return rnd.pick(book.recent);
  const number = drawFreshNumber(rnd, callers);
  if (book.recent.length < callers.recentPoolSize) book.recent.push(number);
  else book.recent[book.next] = number;
  book.next = (book.next + 1) % callers.recentPoolSize;
  return number;
}

/** The same number always gives the same (fictional) name, so a repeat caller keeps theirs. */
export function callerNameOf(number: string, seed: number): string {
  const h = deriveSeed(seed, ...Array.from(number, (c) => c.charCodeAt(0)));
  return `${DEMO_SURNAMES[h % DEMO_SURNAMES.length]!}${DEMO_GIVEN_NAMES[(h >>> 8) % DEMO_GIVEN_NAMES.length]!}`;
}

/** What an agent registers: the order's content before it has a number. */
export interface RequestDraft {
  type: DemoRequestType;
  categoryCode: string;
  title: string;
  content: string;
  district: string;
}

function fillTemplate(text: string, rnd: Random, district: DemoDistrict): string {
  return text
    .replaceAll('{district}', district.name)
    .replaceAll('{street}', rnd.pick(district.streets))
    .replaceAll('{road}', rnd.pick(district.roads))
    .replaceAll('{community}', rnd.pick(DEMO_COMMUNITIES))
    .replaceAll('{company}', rnd.pick(DEMO_COMPANIES));
}

/** 'MM-DD' of the date within [from, to], the range wrapping the new year when from > to. */
function inSeason(date: LocalDate, rule: SeasonalRule): boolean {
  const md = date.slice(5);
  return rule.from <= rule.to ? md >= rule.from && md <= rule.to : md >= rule.from || md <= rule.to;
}

interface LeafOfType {
  code: string;
  templates: DemoRequestTemplate[];
}

export function createRequestCatalogue(orders: SimulatorParameters['orders']) {
  const leafCodes = demoCategoryLeaves(DEMO_CATEGORIES)
    .map((l) => l.category.code)
    .filter((code) => (DEMO_REQUEST_TEMPLATES[code]?.length ?? 0) > 0);
  const types = (Object.keys(orders.typeWeights) as DemoRequestType[]).filter((t) =>
    leafCodes.some((c) => DEMO_REQUEST_TEMPLATES[c]!.some((x) => x.type === t)),
  );
  const typeCumulative = cumulativeOf(types.map((t) => orders.typeWeights[t] ?? 0));
  const leavesByType = new Map<DemoRequestType, LeafOfType[]>(
    types.map((t) => [
      t,
      leafCodes
        .map((code) => ({ code, templates: DEMO_REQUEST_TEMPLATES[code]!.filter((x) => x.type === t) }))
        .filter((l) => l.templates.length > 0),
    ]),
  );
  const districts = DEMO_DISTRICTS;
  const districtCumulative = cumulativeOf(districts.map((d) => orders.districtWeights[d.name] ?? 1));
  const seasonCache = new Map<LocalDate, Map<DemoRequestType, Float64Array>>();

  function leafWeight(code: string, date: LocalDate): number {
    let w = orders.topCategoryWeights[code.split('.')[0]!] ?? 1;
    for (const rule of orders.seasonal)
      if (rule.categories.includes(code) && inSeason(date, rule)) w *= rule.factor;
    return w;
  }

  function cumulativeFor(type: DemoRequestType, date: LocalDate): Float64Array {
    let byType = seasonCache.get(date);
    if (!byType) {
      if (seasonCache.size > 4) seasonCache.clear();
      byType = new Map();
      seasonCache.set(date, byType);
    }
    let c = byType.get(type);
    if (!c) {
      c = cumulativeOf(leavesByType.get(type)!.map((l) => leafWeight(l.code, date)));
      byType.set(type, c);
    }
    return c;
  }

  function draft(code: string, template: DemoRequestTemplate, rnd: Random): RequestDraft {
    const district = districts[pickIndex(rnd, districtCumulative)]!;
    return {
      type: template.type,
      categoryCode: code,
      title: fillTemplate(template.title, rnd, district),
      content: fillTemplate(template.content, rnd, district),
      district: district.name,
    };
  }

  /** A request of the season; during a surge, one about what the surge is about. */
  function drawRequest(
    rnd: Random,
    date: LocalDate,
    surgeCategories: readonly string[] | null,
  ): RequestDraft {
    const surgeLeaves = surgeCategories?.filter((c) => DEMO_REQUEST_TEMPLATES[c]?.length);
    if (surgeLeaves && surgeLeaves.length > 0) {
      const code = rnd.pick(surgeLeaves);
      return draft(code, rnd.pick(DEMO_REQUEST_TEMPLATES[code]!), rnd);
    }
    const type = types[pickIndex(rnd, typeCumulative)]!;
    const leaves = leavesByType.get(type)!;
    const leaf = leaves[pickIndex(rnd, cumulativeFor(type, date))]!;
    return draft(leaf.code, rnd.pick(leaf.templates), rnd);
  }

  return { drawRequest, leafCodes };
}

export type RequestCatalogue = ReturnType<typeof createRequestCatalogue>;

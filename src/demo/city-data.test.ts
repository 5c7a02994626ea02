import { describe, expect, it } from 'vitest';
import {
  DEMO_CATEGORIES,
  DEMO_COMMUNITIES,
  DEMO_COMPANIES,
  DEMO_DEPARTMENTS,
  DEMO_DISTRICT_DEPARTMENT,
  DEMO_DISTRICTS,
  DEMO_GIVEN_NAMES,
  DEMO_PLACEHOLDERS,
  DEMO_REPLY_TEMPLATES,
  DEMO_REQUEST_TEMPLATES,
  DEMO_RETURN_REASONS,
  DEMO_SURNAMES,
  type DemoCategory,
  demoCategoryLeaves,
} from './city-data.ts';

const REQUEST_TYPES = ['inquiry', 'help', 'complaint', 'report', 'suggestion', 'praise', 'other'];
const RETURN_REASON_CODES = [
  'not_our_duty',
  'wrong_category',
  'out_of_jurisdiction',
  'insufficient_info',
  'duplicate',
  'other',
];
/** The code rule of the directory module: letters, digits, "_", "-" or "." (1–32). */
const CODE_RULE = /^[A-Za-z0-9_.-]{1,32}$/;

const allCategories = (tree: DemoCategory[]): DemoCategory[] =>
  tree.flatMap((c) => [c, ...allCategories(c.children ?? [])]);
const duplicates = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
const placeholdersIn = (text: string) => [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
const leaves = demoCategoryLeaves().map((l) => l.category);
const departmentCodes = new Set(DEMO_DEPARTMENTS.map((d) => d.code));

describe('demo districts', () => {
  it('are the five county-level divisions of Luohe and its two functional zones', () => {
    expect(DEMO_DISTRICTS.map((d) => d.name)).toEqual([
      '源汇区',
      '郾城区',
      '召陵区',
      '舞阳县',
      '临颍县',
      '漯河经济技术开发区',
      '西城区',
    ]);
  });

  it('each have streets or towns and roads, none listed twice', () => {
    for (const d of DEMO_DISTRICTS) {
      expect(d.streets.length, d.name).toBeGreaterThanOrEqual(2);
      expect(d.roads.length, d.name).toBeGreaterThanOrEqual(5);
      expect(duplicates(d.roads), d.name).toEqual([]);
      for (const s of d.streets) expect(s, d.name).toMatch(/(街道|镇|乡)$/);
      for (const r of d.roads) expect(r, d.name).toMatch(/(路|大道)$/);
    }
    expect(duplicates(DEMO_DISTRICTS.flatMap((d) => d.streets))).toEqual([]);
  });

  it('each map to a district government', () => {
    for (const d of DEMO_DISTRICTS) {
      const code = DEMO_DISTRICT_DEPARTMENT[d.name];
      expect(code, d.name).toBeDefined();
      expect(DEMO_DEPARTMENTS.find((x) => x.code === code)?.kind, d.name).toBe('district');
    }
  });
});

describe('demo departments', () => {
  it('have unique, short uppercase ASCII codes and unique names', () => {
    for (const d of DEMO_DEPARTMENTS) expect(d.code).toMatch(/^[A-Z]{2,8}$/);
    expect(duplicates(DEMO_DEPARTMENTS.map((d) => d.code))).toEqual([]);
    expect(duplicates(DEMO_DEPARTMENTS.map((d) => d.name))).toEqual([]);
  });

  it('number at least 32 municipal departments and cover every kind', () => {
    expect(DEMO_DEPARTMENTS.length).toBeGreaterThanOrEqual(32);
    expect(DEMO_DEPARTMENTS.filter((d) => d.kind === 'municipal').length).toBeGreaterThanOrEqual(32);
    const kinds = new Set(DEMO_DEPARTMENTS.map((d) => d.kind));
    for (const k of ['municipal', 'district', 'township', 'enterprise', 'other']) expect(kinds).toContain(k);
  });

  it('include the departments a hotline dispatches to most', () => {
    const names = DEMO_DEPARTMENTS.map((d) => d.name);
    for (const n of [
      '漯河市住房和城乡建设局',
      '漯河市城市管理局',
      '漯河市生态环境局',
      '漯河市人力资源和社会保障局',
      '漯河市教育局',
      '漯河市卫生健康委员会',
      '漯河市市场监督管理局',
      '漯河市公安局',
      '漯河市医疗保障局',
      '漯河市住房公积金管理中心',
      '源汇区人民政府',
    ]) {
      expect(names).toContain(n);
    }
  });

  it('resolve every parentCode, without cycles; street offices sit under a district', () => {
    const byCode = new Map(DEMO_DEPARTMENTS.map((d) => [d.code, d]));
    for (const d of DEMO_DEPARTMENTS) {
      if (d.parentCode !== undefined) expect(byCode.has(d.parentCode), d.code).toBe(true);
      const seen = new Set<string>();
      for (let cur = d.parentCode; cur !== undefined; cur = byCode.get(cur)?.parentCode) {
        expect(seen.has(cur), d.code).toBe(false);
        seen.add(cur);
      }
      if (d.kind === 'township') expect(byCode.get(d.parentCode ?? '')?.kind, d.code).toBe('district');
    }
    expect(DEMO_DEPARTMENTS.filter((d) => d.kind === 'township').length).toBeGreaterThanOrEqual(2);
  });

  it('have a contact name and a 0395 telephone number', () => {
    for (const d of DEMO_DEPARTMENTS) {
      expect(d.contactName.length, d.code).toBeGreaterThan(0);
      expect(d.contactPhone, d.code).toMatch(/^0395-\d{7}$/);
      expect(d.shortName.length, d.code).toBeLessThanOrEqual(30);
      expect(d.name.length, d.code).toBeLessThanOrEqual(100);
    }
  });
});

describe('demo dispatch catalogue', () => {
  const all = allCategories(DEMO_CATEGORIES);

  it('has unique codes that the directory accepts', () => {
    expect(duplicates(all.map((c) => c.code))).toEqual([]);
    for (const c of all) expect(c.code).toMatch(CODE_RULE);
  });

  it('has at least 12 first-level categories and 70 leaves', () => {
    expect(DEMO_CATEGORIES.length).toBeGreaterThanOrEqual(12);
    expect(leaves.length).toBeGreaterThanOrEqual(70);
    for (const top of DEMO_CATEGORIES) expect(top.children?.length ?? 0, top.code).toBeGreaterThanOrEqual(2);
  });

  it('names unique leaves within each first-level category', () => {
    for (const top of DEMO_CATEGORIES) {
      expect(duplicates((top.children ?? []).map((c) => c.name)), top.code).toEqual([]);
    }
  });

  it('gives every leaf an existing lead department and realistic time limits (urgent ≤ normal)', () => {
    for (const c of leaves) {
      expect(c.departmentCode, c.code).toBeDefined();
      expect(departmentCodes.has(c.departmentCode ?? ''), `${c.code} → ${c.departmentCode}`).toBe(true);
      const normal = c.timeLimitDays;
      const urgent = c.urgentTimeLimitDays;
      expect(Number.isInteger(normal), c.code).toBe(true);
      expect(Number.isInteger(urgent), c.code).toBe(true);
      expect(normal, c.code).toBeGreaterThanOrEqual(1);
      expect(normal, c.code).toBeLessThanOrEqual(15);
      expect(urgent, c.code).toBeGreaterThanOrEqual(1);
      expect(urgent, c.code).toBeLessThanOrEqual(3);
      expect(urgent ?? Infinity, c.code).toBeLessThanOrEqual(normal ?? 0);
    }
  });

  it('resolves the departments named on inner nodes too', () => {
    for (const c of all) {
      if (c.departmentCode !== undefined) expect(departmentCodes.has(c.departmentCode), c.code).toBe(true);
    }
  });

  it('answers supply outages within 1 working day when urgent', () => {
    for (const code of ['GYSY.TS', 'GYSY.TD', 'GYSY.RQ']) {
      expect(leaves.find((c) => c.code === code)?.urgentTimeLimitDays, code).toBe(1);
    }
  });

  it('lists leaves with their path from the root', () => {
    const wygl = demoCategoryLeaves().find((l) => l.category.code === 'CXJS.WYGL');
    expect(wygl?.path).toEqual(['城乡建设', '物业管理']);
  });
});

describe('demo request templates', () => {
  const leafCodes = new Set(leaves.map((c) => c.code));
  const entries = Object.entries(DEMO_REQUEST_TEMPLATES);
  const templates = entries.flatMap(([, ts]) => ts);

  it('give every leaf at least 2 templates, and belong only to leaves', () => {
    for (const c of leaves)
      expect(DEMO_REQUEST_TEMPLATES[c.code]?.length ?? 0, c.code).toBeGreaterThanOrEqual(2);
    for (const [code] of entries) expect(leafCodes.has(code), code).toBe(true);
  });

  it('use only the allowed placeholders', () => {
    const allowed: readonly string[] = DEMO_PLACEHOLDERS;
    for (const t of templates) {
      for (const p of [...placeholdersIn(t.title), ...placeholdersIn(t.content)]) {
        expect(allowed, `${t.title}: {${p}}`).toContain(p);
      }
      // No stray braces left over from a mistyped placeholder.
      const rest = t.content.replace(/\{[a-z]+\}/g, '');
      expect(rest, t.title).not.toMatch(/[{}]/);
    }
  });

  it('are 40–150 characters of content with a short title and a known type', () => {
    for (const t of templates) {
      expect(REQUEST_TYPES, t.title).toContain(t.type);
      expect(t.content.length, t.content).toBeGreaterThanOrEqual(40);
      expect(t.content.length, t.content).toBeLessThanOrEqual(150);
      expect(t.title.length, t.title).toBeGreaterThanOrEqual(4);
      expect(t.title.length, t.title).toBeLessThanOrEqual(30);
    }
  });

  it('are registered as an agent writes them, without duplicates', () => {
    for (const t of templates)
      expect(t.content, t.title).toMatch(/^(市民|企业)来电(反映|咨询|举报|建议|表扬)：/);
    expect(duplicates(templates.map((t) => t.content))).toEqual([]);
  });

  it('mix types as a hotline sees them: mostly complaints and requests for help', () => {
    const count = (type: string) => templates.filter((t) => t.type === type).length;
    expect(count('complaint') + count('help')).toBeGreaterThan(templates.length / 2);
    for (const type of ['inquiry', 'report', 'suggestion', 'praise'])
      expect(count(type), type).toBeGreaterThan(0);
  });
});

describe('demo people, places and replies', () => {
  it('have the required number of fillers, without duplicates', () => {
    expect(DEMO_COMMUNITIES.length).toBeGreaterThanOrEqual(30);
    expect(DEMO_COMPANIES.length).toBeGreaterThanOrEqual(15);
    expect(DEMO_SURNAMES.length).toBeGreaterThanOrEqual(40);
    expect(DEMO_GIVEN_NAMES.length).toBeGreaterThanOrEqual(60);
    for (const list of [DEMO_COMMUNITIES, DEMO_COMPANIES, DEMO_SURNAMES, DEMO_GIVEN_NAMES]) {
      expect(duplicates(list)).toEqual([]);
    }
    for (const c of DEMO_COMMUNITIES) expect(c).not.toMatch(/小区$/);
  });

  it('have at least 15 replies using only allowed placeholders', () => {
    expect(DEMO_REPLY_TEMPLATES.length).toBeGreaterThanOrEqual(15);
    const allowed: readonly string[] = DEMO_PLACEHOLDERS;
    for (const r of DEMO_REPLY_TEMPLATES) {
      for (const p of placeholdersIn(r)) expect(allowed).toContain(p);
    }
  });

  it('have return reasons with the order model’s codes', () => {
    expect(DEMO_RETURN_REASONS.length).toBeGreaterThanOrEqual(RETURN_REASON_CODES.length);
    for (const r of DEMO_RETURN_REASONS) {
      expect(RETURN_REASON_CODES).toContain(r.code);
      expect(r.reason.length).toBeGreaterThan(10);
    }
    expect(new Set(DEMO_RETURN_REASONS.map((r) => r.code))).toEqual(new Set(RETURN_REASON_CODES));
  });
});

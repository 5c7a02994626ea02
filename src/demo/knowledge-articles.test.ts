import { describe, expect, it } from 'vitest';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS, DEMO_DISTRICTS } from './city-data.ts';
import { generateArticles } from './knowledge-articles.ts';

/** The demo city's knowledge base reads like a real one: issuer, category and content agree. */
describe('demo knowledge articles', () => {
  const articles = generateArticles(400, 7);
  const leafDept = new Map<string, string>();
  const walk = (cs: typeof DEMO_CATEGORIES, path: string[], dept?: string) => {
    for (const c of cs) {
      const d = c.departmentCode ?? dept;
      if (c.children?.length) walk(c.children, [...path, c.name], d);
      else leafDept.set([...path, c.name].join('/'), d!);
    }
  };
  walk(DEMO_CATEGORIES, []);
  const byCode = new Map(DEMO_DEPARTMENTS.map((d) => [d.code, d]));

  it('are issued by the department the dispatch catalogue gives their category', () => {
    for (const a of articles) {
      const dept = byCode.get(leafDept.get(a.categoryPath!.join('/'))!)!;
      expect(a.issuer, a.title).toBe(dept.name);
      expect(a.keywords, a.title).toContain(dept.shortName);
    }
  });

  it('name no other department in their own sentences, and speak of their title’s district', () => {
    for (const a of articles) {
      const own = DEMO_DEPARTMENTS.find((d) => d.name === a.issuer)!;
      // The 典型诉求 line is a citizen's words; the rest is the article's own text.
      const body = a.content!.split('\n').filter((l) => !l.startsWith('典型诉求'));
      for (const line of body) {
        for (const d of DEMO_DEPARTMENTS) {
          // District governments and street offices are named as places (checked below).
          if (DEMO_DISTRICTS.some((x) => x.name === d.shortName || x.streets.includes(d.shortName))) continue;
          if (d.code !== own.code && line.includes(d.shortName) && !own.shortName.includes(d.shortName))
            throw new Error(`${a.title}: names ${d.shortName} in "${line}"`);
        }
        const districts = DEMO_DISTRICTS.filter((x) => line.includes(x.name)).map((x) => x.name);
        for (const x of districts) expect(a.title.startsWith(x), `${a.title}: ${line}`).toBe(true);
      }
    }
  });

  it('cite no law of another field (no housing fund regulation under 路灯)', () => {
    const lamp = articles.filter((a) => a.categoryPath!.at(-1) === '路灯');
    expect(lamp.length).toBeGreaterThan(0);
    for (const a of lamp) expect(a.content).not.toMatch(/住房公积金管理条例|劳动合同法|社会保险法/u);
  });

  it('stay deterministic per seed', () => {
    expect(generateArticles(20, 7)).toEqual(generateArticles(20, 7));
  });
});

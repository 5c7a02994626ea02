import { describe, expect, it } from 'vitest';
import { collectPlaceCodes, extractDistrict } from './places.ts';
import { parseRequestsCsv } from './requests-csv.ts';

describe('parseRequestsCsv', () => {
  it('reads the message-board export: time in Beijing time, like_count as weight, user_id as caller', () => {
    const csv =
      'message_id,user_id,title,time,detail,oppose_count,like_count\n' +
      '188006,A000102948,A3区一米阳光婚纱摄影是否纳税,2019-02-28 11:25:05,"座落在A市A3区联丰路，\n一家影楼",0,2\n' +
      '188007,A00074795,咨询道路命名,2019-02-14 20:00:00,A市A6区道路命名规划已经公示,0,0\n';
    const { requests, rejected } = parseRequestsCsv(csv);
    expect(rejected).toEqual([]);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      id: '188006',
      title: 'A3区一米阳光婚纱摄影是否纳税',
      weight: 3,
      caller: 'A000102948',
      district: 'A3区',
      category: null,
    });
    expect(requests[0]!.at.toISOString()).toBe('2019-02-28T03:25:05.000Z');
    expect(requests[0]!.content).toContain('\n');
    // No district in the title: the first one named in the body.
    expect(requests[1]!.district).toBe('A6区');
    expect(requests[1]!.weight).toBe(1);
  });

  it('reads a work-order export with category and district columns', () => {
    const csv =
      'id,title,time,content,category,district\n7,小区停水,2025-06-01 08:00,幸福家园停水,城乡建设,源汇区\n';
    const [request] = parseRequestsCsv(csv).requests;
    expect(request).toMatchObject({
      id: '7',
      category: '城乡建设',
      district: '源汇区',
      caller: null,
      weight: 1,
    });
  });

  it('reports unusable rows with their line and reason', () => {
    const csv =
      'id,title,time,content\n' +
      '1,标题,2025-06-01 08:00,内容\n' +
      ',标题,2025-06-01 08:00,内容\n' +
      '3,标题,昨天,内容\n' +
      '4,,2025-06-01 08:00,\n' +
      '5,标题,2025-06-01 08:00,内容,多余\n';
    const { requests, rejected } = parseRequestsCsv(csv);
    expect(requests.map((r) => r.id)).toEqual(['1']);
    expect(rejected).toEqual([
      { line: 3, id: '', reason: 'missing id' },
      { line: 4, id: '3', reason: 'bad time' },
      { line: 5, id: '4', reason: 'missing text' },
      { line: 6, id: '5', reason: 'wrong number of columns' },
    ]);
  });

  it('refuses a file without the required columns', () => {
    expect(() => parseRequestsCsv('id,title,detail\n1,a,b\n')).toThrow(/time\|at/);
  });
});

describe('extractDistrict', () => {
  it.each([
    ['A市A5区魅力之城小区油烟扰民', '', 'A5区'],
    ['小区停水', '我住在A7县星沙', 'A7县'],
    ['召陵区人民路路灯不亮', '', '召陵区'],
    ['A市人才新政补贴', '没有写区', null],
  ])('%s / %s → %s', (title, content, expected) => {
    expect(extractDistrict(title, content)).toBe(expected);
  });
});

describe('collectPlaceCodes', () => {
  it('lists the coded place names, most frequent first', () => {
    expect(collectPlaceCodes(['A市A3区', 'A市A7县', 'B市'])).toEqual(['A市', 'A3区', 'A7县', 'B市']);
  });
});

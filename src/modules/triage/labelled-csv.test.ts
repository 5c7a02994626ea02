import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { parseLabelledCsv } from './labelled-csv.ts';

describe('parseLabelledCsv', () => {
  const csv = [
    '\uFEFFid,title,detail,label',
    'M1,"占道经营, 噪音",夜市太吵,环境保护',
    'M2,学位不够,"孩子今年上小学，',
    '学位不够。""急""",教育文体',
    '',
    'M3,只有标题,,交通运输',
    'M4,缺标签,内容,',
    'M5,,,劳动和社会保障',
    'M6,列数不对',
  ].join('\n');
  const { docs, rejected } = parseLabelledCsv(csv);

  it('reads quoted commas, quotes and multi-line fields, and title-only rows', () => {
    expect(docs.map((d) => d.id)).toEqual(['M1', 'M2', 'M3']);
    expect(docs[0]).toMatchObject({
      title: '占道经营, 噪音',
      content: '夜市太吵',
      label: '环境保护',
      line: 2,
    });
    expect(docs[1]!.content).toBe('孩子今年上小学，\n学位不够。"急"');
    expect(docs[2]).toMatchObject({ content: '', line: 6 });
  });

  it('reports unusable rows with the line they start on and the reason', () => {
    expect(rejected).toEqual([
      { line: 7, id: 'M4', reason: 'missing label' },
      { line: 8, id: 'M5', reason: 'missing text' },
      { line: 9, id: 'M6', reason: 'wrong number of columns' },
    ]);
  });

  it('refuses a file without the required columns', () => {
    expect(() => parseLabelledCsv('id,text,label\nM1,x,y\n')).toThrow(AppError);
    expect(() => parseLabelledCsv('id,text,label\nM1,x,y\n')).toThrow(/title, detail/);
  });

  it('accepts an empty file with a header only', () => {
    expect(parseLabelledCsv('id,title,detail,label\n')).toEqual({ docs: [], rejected: [] });
  });
});

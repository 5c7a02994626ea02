import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/**
 * 《数据已销毁确认函》 — the confirmation of destruction that Luohe contract art. 8.5 requires the operator to
 * issue, signed and sealed by its legal representative, after handing every copy of the data to Party A.
 */
export interface CertificateInput {
  partyA: string;
  partyB: string;
  contract: string;
  exportedAt: Date;
  manifestSm3: string;
  files: number;
  tables: number;
  rows: number;
}

const FONT = 'SimSun';
const run = (text: string, o: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text, bold: o.bold, size: o.size ?? 24, font: { eastAsia: FONT, ascii: FONT } });
const para = (text: string, o: { bold?: boolean; size?: number; center?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    children: [run(text, o)],
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    indent: o.indent ? { firstLine: 480 } : undefined,
    spacing: { after: 160, line: 400 },
  });

const shanghaiDate = (d: Date) => {
  const [y, m, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d).split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

function factsTable(i: CertificateInput): Table {
  const rows: [string, string][] = [
    ['移交时间', `${shanghaiDate(i.exportedAt)}（${i.exportedAt.toISOString()}）`],
    ['移交数据包清单摘要（SM3）', i.manifestSm3],
    ['数据表数量', String(i.tables)],
    ['文件数量', String(i.files)],
    ['记录总数', String(i.rows)],
  ];
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          children: [k, v].map(
            (t, j) =>
              new TableCell({
                width: { size: j ? 70 : 30, type: WidthType.PERCENTAGE },
                borders: { top: border, bottom: border, left: border, right: border },
                children: [new Paragraph({ children: [run(t, { size: j ? 20 : 22 })] })],
              }),
          ),
        }),
    ),
  });
}

export async function certificateDocx(i: CertificateInput): Promise<Buffer> {
  const doc = new Document({
    creator: '12345 hotline platform',
    title: '数据已销毁确认函',
    sections: [
      {
        children: [
          para('数据已销毁确认函', { bold: true, size: 36, center: true }),
          para(`${i.partyA}：`),
          para(
            `根据《${i.contract}》第8.5条，我单位已向贵方完整移交与服务相关的全部数据，移交数据包的清单（manifest.json）及其SM3摘要如下。贵方可按数据包内README所述方法逐一核验各文件的SM3摘要与记录数。`,
            { indent: true },
          ),
          factsTable(i),
          para(''),
          para(
            '移交完成后，我单位已彻底删除所持有的与本项目相关的一切数据及其副本（含业务数据库、备份、日志、导出文件及密钥），不以任何形式留存、篡改或对外提供（《中华人民共和国个人信息保护法》第四十七条、《中华人民共和国数据安全法》）。',
            { indent: true },
          ),
          para('特此确认。', { indent: true }),
          para(''),
          para(`乙方（盖章）：${i.partyB}`),
          para('法定代表人（签字）：＿＿＿＿＿＿＿＿'),
          para('日期：＿＿＿＿年＿＿月＿＿日'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

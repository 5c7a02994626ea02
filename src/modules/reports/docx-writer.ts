import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IFontAttributesProperties,
} from 'docx';
import { CN_NUMERALS } from './labels.ts';
import { type Block, formatCell, type ReportDocument, type TableBlock } from './document.ts';

/**
 * 公文 style after GB/T 9704-2012 (党政机关公文格式): title in 方正小标宋简体 二号 (22 pt), level-1 headings
 * "一、" in 黑体 三号 (16 pt), body in 仿宋_GB2312 三号 (16 pt), tables in 仿宋 小四. Word and WPS substitute a
 * missing font by name: 仿宋_GB2312 → 仿宋 (FangSong, in every Chinese Windows), 方正小标宋简体 → 宋体/SimSun;
 * Latin text in Times New Roman.
 */
const FONTS = {
  title: font('方正小标宋简体'),
  heading: font('黑体'),
  body: font('仿宋_GB2312'),
  table: font('仿宋'),
};
const PT = 2; // docx sizes are half-points
const A4_TEXT_WIDTH_PX = 560; // A4 less the standard margins (28 mm left, 26 mm right), at 96 dpi

function font(eastAsia: string): IFontAttributesProperties {
  return { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, hint: 'eastAsia' };
}

const body = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 }, // two characters of 16 pt
    spacing: { line: 560, lineRule: 'exact' }, // 28 pt fixed line spacing, the common 公文 setting
    children: [new TextRun({ text, font: FONTS.body, size: 16 * PT })],
  });

const tableCell = (text: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, font: FONTS.table, size: 11 * PT, bold })] })],
  });

function table(t: TableBlock): (Paragraph | Table)[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 60 },
      children: [new TextRun({ text: t.title, font: FONTS.heading, size: 12 * PT })],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows: [
        new TableRow({ tableHeader: true, children: t.columns.map((c) => tableCell(c.title, true)) }),
        ...(t.rows.length ? t.rows : [t.columns.map((_, i) => (i === 0 ? '无' : null))]).map(
          (r) => new TableRow({ children: r.map((v, i) => tableCell(formatCell(v, t.columns[i]?.format))) }),
        ),
      ],
    }),
  ];
}

function block(b: Block): (Paragraph | Table)[] {
  if (b.kind === 'text') return [body(b.text)];
  if (b.kind === 'table') return table(b);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: b.png,
          transformation: { width: A4_TEXT_WIDTH_PX, height: Math.round(A4_TEXT_WIDTH_PX * 0.45) },
          altText: { name: b.title, title: b.title, description: b.title },
        }),
      ],
    }),
  ];
}

/** The document as a .docx (Office Open XML) buffer. */
export async function writeDocx(doc: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: doc.title, font: FONTS.title, size: 22 * PT })],
    }),
    ...doc.meta.map(
      (m) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: m, font: FONTS.body, size: 12 * PT })],
        }),
    ),
  ];
  doc.sections.forEach((s, i) => {
    children.push(
      new Paragraph({
        indent: { firstLine: 640 },
        spacing: { before: 240, line: 560, lineRule: 'exact' },
        children: [
          new TextRun({ text: `${CN_NUMERALS[i] ?? i + 1}、${s.title}`, font: FONTS.heading, size: 16 * PT }),
        ],
      }),
      ...s.blocks.flatMap(block),
    );
  });
  const document = new Document({
    creator: '12345 政务服务便民热线平台',
    title: doc.title,
    styles: { default: { document: { run: { font: FONTS.body, size: 16 * PT } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, // 37/35/28/26 mm
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

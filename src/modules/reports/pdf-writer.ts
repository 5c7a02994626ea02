import { dirname } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content } from 'pdfmake';
import { CN_NUMERALS } from './labels.ts';
import { type Block, formatCell, type ReportDocument, type TableBlock } from './document.ts';
import { CJK_FONT } from './fonts.ts';

/**
 * pdfmake 0.3 on the server with Noto Sans SC (the OTF from @embedpdf/fonts-sc): pdfkit embeds a subset of it
 * (CIDFontType0C, Identity-H, with a ToUnicode map), so Chinese renders on any machine and the text can be
 * extracted and searched. No network access; local files only from the font directory.
 */
const FONT_DIR = dirname(CJK_FONT.regular);
pdfmake.setFonts({
  NotoSansSC: {
    normal: CJK_FONT.regular,
    bold: CJK_FONT.bold,
    italics: CJK_FONT.light,
    bolditalics: CJK_FONT.bold,
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));

const CONTENT_WIDTH = 483; // A4 (595 pt) less 56 pt margins each side

function table(t: TableBlock): Content[] {
  const head = t.columns.map((c) => ({ text: c.title, bold: true, fillColor: '#eeeeee' }));
  const rows = (t.rows.length ? t.rows : [t.columns.map((_, i) => (i === 0 ? '无' : null))]).map((r) =>
    r.map((v, i) => ({
      text: formatCell(v, t.columns[i]?.format),
      alignment: (t.columns[i]?.format ?? 'text') === 'text' ? ('left' as const) : ('right' as const),
    })),
  );
  return [
    { text: t.title, style: 'tableTitle' },
    {
      table: {
        headerRows: 1,
        widths: t.columns.map((_, i) => (i === 0 ? '*' : 'auto')),
        body: [head, ...rows],
      },
      layout: 'lightHorizontalLines',
      fontSize: 9,
      margin: [0, 0, 0, 8],
    },
  ];
}

function block(b: Block): Content[] {
  if (b.kind === 'text') return [{ text: b.text, style: 'body' }];
  if (b.kind === 'table') return table(b);
  return [
    {
      image: `data:image/png;base64,${b.png.toString('base64')}`,
      width: CONTENT_WIDTH,
      margin: [0, 4, 0, 8],
    },
  ];
}

export function pdfDefinition(doc: ReportDocument): Parameters<typeof pdfmake.createPdf>[0] {
  const content: Content[] = [
    { text: doc.title, style: 'title' },
    ...doc.meta.map((m): Content => ({ text: m, style: 'meta' })),
  ];
  doc.sections.forEach((s, i) => {
    content.push(
      { text: `${CN_NUMERALS[i] ?? i + 1}、${s.title}`, style: 'heading' },
      ...s.blocks.flatMap(block),
    );
  });
  return {
    pageSize: 'A4',
    pageMargins: [56, 64, 56, 56],
    info: { title: doc.title, creator: '12345 政务服务便民热线平台' },
    defaultStyle: { font: 'NotoSansSC', fontSize: 11, lineHeight: 1.4 },
    styles: {
      title: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      meta: { fontSize: 10, alignment: 'center', color: '#444444' },
      heading: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
      body: { margin: [0, 0, 0, 6], leadingIndent: 22 },
      tableTitle: { fontSize: 10, bold: true, alignment: 'center', margin: [0, 6, 0, 4] },
    },
    footer: (page: number, pages: number) => ({
      text: `— ${page} / ${pages} —`,
      alignment: 'center',
      fontSize: 9,
    }),
    content,
  };
}

/** The document as a PDF buffer. */
export async function writePdf(doc: ReportDocument): Promise<Buffer> {
  const pdf = pdfmake.createPdf(pdfDefinition(doc));
  return Buffer.from(await pdf.getBuffer());
}

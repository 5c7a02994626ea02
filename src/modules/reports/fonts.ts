import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Noto Sans SC (思源黑体, OFL) from `@embedpdf/fonts-sc`, which `npm install` brings: a fresh machine has no
 * Chinese font, so the PDF embeds this one and the chart renderer is given it. Its OpenType/CFF outlines are
 * embedded by pdfkit as CIDFontType0C with a ToUnicode map, so the PDF's text extracts.
 */
const fontDir = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');

export const CJK_FONT = {
  family: 'Noto Sans SC',
  regular: join(fontDir, 'NotoSansHans-Regular.otf'),
  bold: join(fontDir, 'NotoSansHans-Bold.otf'),
  light: join(fontDir, 'NotoSansHans-Light.otf'),
};

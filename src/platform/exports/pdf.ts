import { createRequire } from 'node:module';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * PDF documents on the server with pdfmake 0.3 and a CJK font (Noto Sans SC, regular and bold,
 * from node_modules/@expo-google-fonts/noto-sans-sc). pdfkit embeds only the glyphs a document
 * uses, so a one-page report stays small although each font file is ~10 MB.
 *
 * pdfmake 0.3's server API is a singleton (`require('pdfmake')`): fonts are registered once, read
 * by path, and every other URL or local-file access from a document definition is refused — documents carry their pictures inline
 * (`svg` strings, data URLs).
 *
 * @example
 * const pdf = await renderPdf({ content: [{ text: '履职成绩单', style: 'title' }, { svg: chartSvg(option) }] });
 * reply.header('content-type', PDF_MIME).send(pdf);
 */
export const PDF_MIME = 'application/pdf';
/** The font name documents use; also the first family of chart-svg.ts, so SVG text finds it. */
export const PDF_FONT = 'NotoSansSC';

type PdfMake = typeof import('pdfmake') & { createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> } };

const require = createRequire(import.meta.url);
let ready: PdfMake | null = null;

function pdfmake(): PdfMake {
  if (ready) return ready;
  const pm = require('pdfmake') as PdfMake;
  // Real paths, not the virtual file system: SVG text is drawn by pdfkit itself, which opens font files by path.
  const regular = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  const bold = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
  pm.addFonts({ [PDF_FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((path) => path === regular || path === bold);
  ready = pm;
  return pm;
}

/** Renders a document definition to a PDF buffer; the default font is the CJK one. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const pm = pdfmake();
  return pm.createPdf({ pageSize: 'A4', pageMargins: [48, 48, 48, 56], ...doc, defaultStyle: { font: PDF_FONT, fontSize: 10.5, ...doc.defaultStyle } }).getBuffer();
}

/** A simple table with a bold header row, as most exports need it. */
export function pdfTable(header: string[], rows: (string | number)[][], widths?: (number | '*' | 'auto')[]): Content {
  return {
    table: {
      headerRows: 1,
      widths: widths ?? header.map(() => '*'),
      body: [header.map((h) => ({ text: h, bold: true, fillColor: '#f0f2f5' })), ...rows.map((r) => r.map((c) => String(c)))],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 8],
  };
}

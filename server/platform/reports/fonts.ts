import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * Noto Sans TC, regular and bold: full TrueType files that cover Latin and Traditional Chinese, embedded
 * (subset to the glyphs used) in every PDF. The woff2 files of @fontsource render blank pages in pdfkit.
 */
const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf'),
} as const;

/** The names the fonts are registered under in each document. */
export const FONT = { regular: 'NotoSansTC', bold: 'NotoSansTC-Bold' } as const;

let data: { regular: Buffer; bold: Buffer } | undefined;

/** The font files, read once per process (about 7 MB each). */
export function fontData(): { regular: Buffer; bold: Buffer } {
  data ??= { regular: readFileSync(FONT_FILES.regular), bold: readFileSync(FONT_FILES.bold) };
  return data;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  const { regular, bold } = fontData();
  doc.registerFont(FONT.regular, regular);
  doc.registerFont(FONT.bold, bold);
}

let measurer: PDFKit.PDFDocument | undefined;

/**
 * Width in points of a text in the report font, for charts laid out before any document exists.
 * One document that is never written does the measuring.
 */
export function measureText(text: string, size: number, bold = false): number {
  if (!measurer) {
    measurer = new PDFDocument({ autoFirstPage: false });
    registerFonts(measurer);
  }
  return measurer
    .font(bold ? FONT.bold : FONT.regular)
    .fontSize(size)
    .widthOfString(text);
}

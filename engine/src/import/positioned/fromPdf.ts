/**
 * A PDF's text as positioned lines, read with pdf.js. pdf.js is passed in (Node uses its legacy
 * build with CMap files on disk, a page its modern build with a worker), so this module stays
 * isomorphic. Text items are placed in display space (the page's rotation applied, y downward),
 * grouped into lines by baseline and into spans by the gaps between them; each line keeps its
 * rectangle in PDF user space for findings.
 */
import { type Box, MAX_LINE_CHARS, type PositionedLine, type PositionedText, type Span } from './model.js';
import { displayWidth, renderSpans } from './render.js';

/** The part of a pdf.js text item this reader uses. */
interface PdfTextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

/** The part of pdf.js's API this reader uses (its `pdfjs-dist` module). */
export interface PdfJs {
  getDocument(source: Record<string, unknown>): { promise: Promise<PdfDocumentProxy> };
  Util: { transform(m1: readonly number[], m2: readonly number[]): number[] };
  /** Operator codes, to find pages that paint images (absent in a stand-in: no page is taken for one of images). */
  OPS?: { readonly paintImageXObject: number; readonly paintInlineImageXObject: number; readonly paintImageMaskXObject: number };
}

/** The part of a pdf.js document this reader uses. */
export interface PdfDocumentProxy {
  readonly numPages: number;
  getPage(number: number): Promise<PdfPageProxy>;
  destroy(): Promise<void>;
}

/** The part of a pdf.js page this reader uses. */
export interface PdfPageProxy {
  getViewport(options: { scale: number }): { transform: number[]; width: number; height: number };
  getTextContent(): Promise<{ items: readonly unknown[] }>;
  getOperatorList?(): Promise<{ fnArray: readonly number[] }>;
  cleanup(): boolean;
}

/** Where pdf.js finds its CMaps and standard fonts, and limits. */
export interface PdfReadOptions {
  /** Folder or URL of pdf.js's bCMap files (needed for CJK fonts without a ToUnicode map). */
  readonly cMapUrl?: string;
  /** Folder or URL of pdf.js's standard font data. */
  readonly standardFontDataUrl?: string;
  /** Most pages read; past it the reading stops with an error. */
  readonly maxPages?: number;
  /**
   * Instead of cMapUrl: pdf.js's CMap reader class (a class whose `fetch({ name })` resolves to
   * `{ cMapData, isCompressed }`), for a browser bundle that ships the CMaps as assets.
   */
  readonly cMapReaderFactory?: unknown;
}

/** Whether a page paints an image (asked only of pages without text: the operator list is costly). */
async function paintsImage(page: PdfPageProxy, pdfjs: PdfJs): Promise<boolean> {
  const codes = pdfjs.OPS;
  if (codes === undefined || page.getOperatorList === undefined) return false;
  const images = new Set([codes.paintImageXObject, codes.paintInlineImageXObject, codes.paintImageMaskXObject]);
  return (await page.getOperatorList()).fnArray.some((code) => images.has(code));
}

/** A text item placed on its page. */
interface Placed {
  readonly text: string;
  /** Left edge, display space. */
  readonly x0: number;
  /** Right edge, display space. */
  readonly x1: number;
  /** Baseline, display space (downward). */
  readonly y: number;
  /** Font size, display space. */
  readonly size: number;
  /** Rectangle in PDF user space. */
  readonly box: Box;
  /** The item's length before it was cut to MAX_LINE_CHARS, when it was. */
  readonly cutFrom?: number;
}

/** Why a PDF could not be read. */
export class PdfReadError extends Error {
  /**
   * @param code What went wrong.
   * @param message In Chinese and English.
   */
  constructor(
    readonly code: 'pdf_unreadable' | 'pdf_encrypted' | 'pdf_too_many_pages' | 'pdf_no_text',
    message: string,
  ) {
    super(message);
    this.name = 'PdfReadError';
  }
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && typeof (item as PdfTextItem).str === 'string' && Array.isArray((item as PdfTextItem).transform);
}

/** The rectangle of an item in user space: its baseline run and its height, with a descent below. */
function userBox(item: PdfTextItem): Box {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  const along = Math.hypot(a, b) || 1;
  const up = Math.hypot(c, d) || 1;
  const dx = (a / along) * item.width;
  const dy = (b / along) * item.width;
  const ux = c / up;
  const uy = d / up;
  const height = up;
  const corners = [
    [e - ux * 0.2 * height, f - uy * 0.2 * height],
    [e + dx - ux * 0.2 * height, f + dy - uy * 0.2 * height],
    [e + ux * 0.8 * height, f + uy * 0.8 * height],
    [e + dx + ux * 0.8 * height, f + dy + uy * 0.8 * height],
  ];
  const xs = corners.map(([x]) => x!);
  const ys = corners.map(([, y]) => y!);
  const round = (value: number) => Math.round(value * 100) / 100;
  return [round(Math.min(...xs)), round(Math.min(...ys)), round(Math.max(...xs)), round(Math.max(...ys))];
}

/**
 * Where an item's text holds two cells: a run of two or more spaces, or an amount and the text of
 * the next cell after a single space ("3,944.08 一、一般公共服务支出"; not "3,944.08 万元").
 */
const AMOUNT_TOKEN = /^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$/;
/** What may follow an amount in the same cell: its unit (tried at one position). */
const UNIT_AFTER = /[万亿千]?元|[个人辆项%]/y;

/** The runs of spaces in an item's text that break it into cells (each run looked at once). */
function cellBreaks(text: string): { index: number; end: number }[] {
  const breaks: { index: number; end: number }[] = [];
  let tokenStart = 0;
  for (const run of text.matchAll(/\s+/g)) {
    const end = run.index + run[0].length;
    const token = text.slice(tokenStart, run.index);
    tokenStart = end;
    if (run.index === 0 || end === text.length) continue;
    UNIT_AFTER.lastIndex = end;
    const amountThenText = AMOUNT_TOKEN.test(token) && /[\u4e00-\u9fff]/.test(text[end]!) && !UNIT_AFTER.test(text);
    if (run[0].length >= 2 || amountThenText) breaks.push({ index: run.index, end });
  }
  return breaks;
}

/** Splits an item's text into cells, placing each by its display width within the item. */
function piecesOf(text: string, x0: number, x1: number): { text: string; x0: number; x1: number }[] {
  const breaks = cellBreaks(text);
  if (breaks.length === 0) return [{ text: text.trim(), x0, x1 }];
  const perColumn = (x1 - x0) / Math.max(displayWidth(text), 1);
  const pieces: { text: string; x0: number; x1: number }[] = [];
  let start = 0;
  let startColumn = 0;
  const cut = (end: number) => {
    const raw = text.slice(start, end);
    const piece = raw.trim();
    if (piece !== '') {
      const from = x0 + (startColumn + displayWidth(raw) - displayWidth(raw.trimStart())) * perColumn;
      pieces.push({ text: piece, x0: from, x1: from + displayWidth(piece) * perColumn });
    }
    startColumn += displayWidth(raw);
  };
  for (const { index, end } of breaks) {
    cut(index);
    startColumn += displayWidth(text.slice(index, end));
    start = end;
  }
  cut(text.length);
  return pieces;
}

function place(item: PdfTextItem, viewport: readonly number[], pdfjs: PdfJs): Placed[] {
  const device = pdfjs.Util.transform(viewport, item.transform);
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = device;
  const size = Math.hypot(c, d);
  const scale = Math.hypot(a, b) / (Math.hypot(item.transform[0] ?? 1, item.transform[1] ?? 0) || 1);
  const width = item.width * scale;
  // Text running vertically in display space (rare in disclosures) is kept at its origin.
  const horizontal = Math.abs(b) <= Math.abs(a) * 0.1;
  const x0 = e;
  const x1 = horizontal ? e + width : e + size;
  const box = userBox(item);
  const cut = item.str.length > MAX_LINE_CHARS ? { cutFrom: item.str.length } : {};
  return piecesOf(item.str.slice(0, MAX_LINE_CHARS), x0, x1)
    .filter((piece) => piece.text !== '')
    .map((piece) => ({ text: piece.text, x0: piece.x0, x1: piece.x1, y: f, size: size || 10, box, ...cut }));
}

/** Groups placed items into lines by baseline: an item joins a line when its baseline is within 40% of the font size. */
function linesOfPage(items: readonly Placed[]): Placed[][] {
  const sorted = [...items].sort((p, q) => p.y - q.y || p.x0 - q.x0);
  const lines: Placed[][] = [];
  let current: Placed[] = [];
  let baseline = Number.NaN;
  for (const item of sorted) {
    if (current.length > 0 && Math.abs(item.y - baseline) <= 0.4 * Math.min(item.size, current[0]!.size)) {
      current.push(item);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [item];
    baseline = item.y;
  }
  if (current.length > 0) lines.push(current);
  return lines.map((line) => line.sort((p, q) => p.x0 - q.x0));
}

/** A printed amount with decimals or thousands separators (not a year or a code), as pdf.js gives it in one item. */
const AMOUNT_ITEM = /^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)%?$/;

/**
 * Joins the items of a line into spans: items closer than half a character stay one span, except
 * an amount beside anything (a right-aligned amount ends where the next cell begins).
 */
export function spansOf(items: readonly Placed[]): Span[] {
  const spans: { text: string; x0: number; x1: number }[] = [];
  for (const item of items) {
    const last = spans[spans.length - 1];
    const gap = last === undefined ? 0 : item.x0 - last.x1;
    // Two amounts, or an amount and text, side by side are two cells however close they stand.
    // …except a number broken after its thousands separator (“16,” “474.82”),
    // …or a number in prose set as two items that touch (“为2” “36.83”, “100.1” “6”): cells never touch.
    const brokenNumber = last !== undefined && ((/\d,$/.test(last.text) && /^\d{3}(?:[,.]|$)/.test(item.text)) || (/\d$/.test(last.text) && /^\d/.test(item.text) && Math.abs(gap) < 0.1 * item.size));
    const cellBoundary = last !== undefined && !brokenNumber && (AMOUNT_ITEM.test(last.text) || AMOUNT_ITEM.test(item.text));
    if (last !== undefined && gap < 0.5 * item.size && !cellBoundary) {
      const space = gap > 0.2 * item.size && /[\w.,%)]$/.test(last.text) && /^[\w(]/.test(item.text) ? ' ' : '';
      if (last.text.length < MAX_LINE_CHARS) last.text = (last.text + space + item.text).slice(0, MAX_LINE_CHARS);
      last.x1 = Math.max(last.x1, item.x1);
    } else {
      spans.push({ text: item.text, x0: item.x0, x1: item.x1 });
    }
  }
  const round = (value: number) => Math.round(value * 10) / 10;
  return spans.map((span) => ({ text: span.text, x0: round(span.x0), x1: round(span.x1) }));
}

function unionBox(boxes: readonly Box[]): Box {
  return [Math.min(...boxes.map((box) => box[0])), Math.min(...boxes.map((box) => box[1])), Math.max(...boxes.map((box) => box[2])), Math.max(...boxes.map((box) => box[3]))];
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 10;
  const sorted = [...values].sort((p, q) => p - q);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Reads a PDF's text as positioned lines.
 * @param data The PDF file's bytes (not kept: pdf.js takes ownership of a copy).
 * @param pdfjs The pdf.js module.
 * @param options CMap and font locations, page limit.
 */
export async function readPdf(data: Uint8Array, pdfjs: PdfJs, options: PdfReadOptions = {}): Promise<PositionedText> {
  let document: PdfDocumentProxy;
  try {
    document = await pdfjs.getDocument({
      data: new Uint8Array(data),
      ...(options.cMapUrl !== undefined ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
      ...(options.cMapReaderFactory !== undefined ? { CMapReaderFactory: options.cMapReaderFactory, cMapPacked: true, useWorkerFetch: false } : {}),
      ...(options.standardFontDataUrl !== undefined ? { standardFontDataUrl: options.standardFontDataUrl } : {}),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new PdfReadError('pdf_encrypted', 'PDF 已加密，无法读取：请提供未加密的文件 / the PDF is encrypted');
    throw new PdfReadError('pdf_unreadable', `无法解析 PDF（${(error as Error).message}）：请确认文件完整 / not a readable PDF`);
  }
  try {
    if (options.maxPages !== undefined && document.numPages > options.maxPages) {
      throw new PdfReadError('pdf_too_many_pages', `PDF 有 ${document.numPages} 页，超过上限 ${options.maxPages} 页 / the PDF has more pages than the limit`);
    }
    const lines: PositionedLine[] = [];
    const imagePages: number[] = [];
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
      const page = await document.getPage(pageNumber);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const placed = content.items.filter(isTextItem).flatMap((item) => place(item, viewport.transform, pdfjs));
      // A page without a word of text that paints an image: a scan or a pasted picture, not read.
      if (!placed.some((item) => /[\u4e00-\u9fff]/.test(item.text)) && (await paintsImage(page, pdfjs))) imagePages.push(pageNumber);
      const characterWidth = median(placed.map((item) => item.size)) / 2;
      linesOfPage(placed).forEach((items, index) => {
        const spans = spansOf(items);
        const text = renderSpans(spans, characterWidth);
        const cut = text.length >= MAX_LINE_CHARS || items.some((item) => item.cutFrom !== undefined);
        lines.push({
          number: lines.length + 1,
          page: pageNumber,
          spans,
          text: index === 0 ? `\f${text}` : text,
          box: unionBox(items.map((item) => item.box)),
          size: median(items.map((item) => item.size)),
          ...(cut
            ? {
                cutFrom: Math.max(
                  items.reduce((sum, item) => sum + (item.cutFrom ?? item.text.length), 0),
                  text.length,
                ),
              }
            : {}),
        });
      });
      page.cleanup();
    }
    if (!lines.some((line) => /[\u4e00-\u9fff]/.test(line.text))) {
      throw new PdfReadError('pdf_no_text', 'PDF 没有可提取的中文文字层（可能是扫描件）：请提供带文字层的 PDF 或其文本 / the PDF has no text layer (a scan?)');
    }
    return { format: 'pdf', lines, pageCount: document.numPages, ...(imagePages.length > 0 ? { imagePages } : {}) };
  } finally {
    await document.destroy();
  }
}

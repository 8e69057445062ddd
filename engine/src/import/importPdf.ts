/**
 * Importing a disclosure from its PDF: pdf.js reads the positioned text (pdf.js is passed in, so
 * Node and the browser each load their own build), then the positioned-text import reads it.
 */
import { type PositionedImportOptions, type PositionedImportResult, importPositioned } from './importPositioned.js';
import { type PdfJs, type PdfReadOptions, PdfReadError, readPdf } from './positioned/fromPdf.js';

/** Options for a PDF import. */
export interface PdfImportOptions extends PositionedImportOptions, PdfReadOptions {}

/**
 * Imports a disclosure from its PDF; never throws on a bad file (an unreadable PDF is an error result).
 * @param data The PDF's bytes.
 * @param pdfjs The pdf.js module.
 * @param options File name, CMap and font locations, page limit.
 */
export async function importPdf(data: Uint8Array, pdfjs: PdfJs, options: PdfImportOptions = {}): Promise<PositionedImportResult> {
  try {
    return importPositioned(await readPdf(data, pdfjs, options), options);
  } catch (error) {
    if (error instanceof PdfReadError) return { ok: false, error: { line: 1, code: error.code, message: error.message } };
    throw error;
  }
}

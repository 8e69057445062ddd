/// <reference types="vite/client" />
/**
 * Reading a PDF in the evaluation worker with pdf.js. The worker is already off the page's
 * thread, so pdf.js runs its own worker code here (its "fake worker": pdf.worker.mjs loaded into
 * this worker) rather than starting a second one. Chinese PDFs need pdf.js's CMaps: see
 * ../pdf/cMapReader.ts.
 */
import * as pdfjs from 'pdfjs-dist';
import { MAX_PDF_PAGES } from '../../../engine/src/document/limits.js';
import { importPdf } from '../../../engine/src/import/importPdf.js';
import { type PositionedImportResult } from '../../../engine/src/import/importPositioned.js';
import { BundledCMapReader } from '../pdf/cMapReader.js';

let workerCode: Promise<unknown> | undefined;

/**
 * Imports a disclosure from a PDF's bytes.
 * @param data The bytes.
 * @param file The file name.
 */
export async function importPdfInWorker(data: Uint8Array, file?: string): Promise<PositionedImportResult> {
  // pdf.js looks for globalThis.pdfjsWorker before it would start a worker of its own.
  workerCode ??= import('pdfjs-dist/build/pdf.worker.mjs');
  await workerCode;
  return importPdf(data, pdfjs, { ...(file !== undefined ? { file } : {}), cMapReaderFactory: BundledCMapReader, maxPages: MAX_PDF_PAGES });
}

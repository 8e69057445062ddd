/// <reference types="vite/client" />
/**
 * Reading a PDF in the evaluation worker with pdf.js. The worker is already off the page's
 * thread, so pdf.js runs its own worker code here (its "fake worker": pdf.worker.mjs loaded into
 * this worker) rather than starting a second one. Chinese PDFs need pdf.js's CMaps: they are
 * bundled as assets and read through a small CMap reader, so the built playground needs no
 * server-side setup.
 */
import * as pdfjs from 'pdfjs-dist';
import { MAX_PDF_PAGES } from '../../../engine/src/document/limits.js';
import { importPdf } from '../../../engine/src/import/importPdf.js';
import { type PositionedImportResult } from '../../../engine/src/import/importPositioned.js';

/** Every CMap pdf.js ships, by name → its asset URL (fetched only when a PDF uses it). */
const CMAPS = import.meta.glob<string>('../../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url&no-inline', import: 'default', eager: true });
const cMapUrls = new Map(Object.entries(CMAPS).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1, -'.bcmap'.length), url]));

/** pdf.js's CMap reader interface, reading the bundled assets. */
class BundledCMapReader {
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    const url = cMapUrls.get(name);
    if (url === undefined) throw new Error(`pdf.js 没有名为 ${name} 的 CMap`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`无法读取 CMap ${name}（HTTP ${response.status}）`);
    return { cMapData: new Uint8Array(await response.arrayBuffer()), isCompressed: true };
  }
}

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

/**
 * Pages printed as images (a scanned table or letter): the PDF reader lists them, and the import
 * says so once and reports no table missing, since such a page may hold any of them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../engine/src/index.js';
import { importPositioned } from '../../engine/src/import/importPositioned.js';
import { type PdfJs, readPdf } from '../../engine/src/import/positioned/fromPdf.js';
import { defaultRulePackPath, loadRuleSetFromPath } from '../../engine/src/node.js';

const corpus = fileURLToPath(new URL('../../corpus/', import.meta.url));
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** A stand-in for pdf.js: page 1 of text (unless a scan), page 2 an image alone, page 3 blank. */
function stubPdfJs(scan = false): PdfJs {
  const page = (number: number) => ({
    getViewport: () => ({ transform: [1, 0, 0, -1, 0, 842], width: 595, height: 842 }),
    getTextContent: () => Promise.resolve({ items: number === 1 && !scan ? [{ str: '2026年部门预算', transform: [10, 0, 0, 10, 100, 700], width: 80, height: 10 }] : [] }),
    getOperatorList: () => Promise.resolve({ fnArray: number === 2 ? [pdfjs.OPS.save, pdfjs.OPS.paintImageXObject, pdfjs.OPS.restore] : [pdfjs.OPS.save] }),
    cleanup: () => true,
  });
  return {
    Util: pdfjs.Util,
    OPS: pdfjs.OPS,
    getDocument: () => ({ promise: Promise.resolve({ numPages: 3, getPage: (number: number) => Promise.resolve(page(number)), destroy: () => Promise.resolve() }) }),
  };
}

describe('pages printed as images', () => {
  it('are listed by the PDF reader: a page without text that paints an image, not a blank one', async () => {
    const text = await readPdf(new Uint8Array([1]), stubPdfJs());
    expect(text.imagePages).toEqual([2]);
  });

  it('all of them, with no text anywhere, are refused as a scan, never read as an empty document', async () => {
    await expect(readPdf(new Uint8Array([1]), stubPdfJs(true))).rejects.toMatchObject({ code: 'pdf_no_text', message: expect.stringContaining('可能是扫描件') });
  });

  it('make no table missing, and are said once', async () => {
    const text = await readPdf(new Uint8Array(readFileSync(join(corpus, 'wuxi-tongjiju-2026-budget.pdf'))), pdfjs, {
      cMapUrl: `${join(pdfjsRoot, 'cmaps')}/`,
      standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
    });
    // The 三公 table's page (20) printed as a picture: its lines gone, the page an image.
    const scanned = { ...text, lines: text.lines.filter((line) => line.page !== 20), imagePages: [20] };
    const ruleSet = loadRuleSetFromPath(defaultRulePackPath());
    const errorsOf = async (input: typeof text) => {
      const read = importPositioned(input);
      if (!read.ok) throw new Error(read.error.message);
      const report = await evaluate(ruleSet, read.document, { importProblems: read.problems });
      return { problems: read.problems, missing: report.findings.filter((finding) => finding.ruleId === 'required-tables-present') };
    };
    const withoutPage = await errorsOf({ ...scanned, imagePages: [] });
    expect(withoutPage.missing).toHaveLength(1);
    const { problems, missing } = await errorsOf(scanned);
    expect(missing).toEqual([]);
    expect(problems.filter((problem) => problem.code === 'image_pages').map((problem) => problem.message)).toEqual([expect.stringContaining('第 20 页只有图片')]);
  });
});

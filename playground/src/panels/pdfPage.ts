/**
 * A page of the PDF the document was read from, with a finding's box drawn over it (loaded when a
 * finding of a PDF is first chosen). pdf.js parses the PDF in its own worker; the page is drawn
 * into a canvas the width of the pane, and the box (PDF user space, origin bottom-left) is placed
 * over it through the page viewport's transform.
 */
import { GlobalWorkerOptions, type PDFDocumentProxy, type RenderTask, getDocument } from 'pdfjs-dist';
import PdfWorker from 'pdfjs-dist/build/pdf.worker.mjs?worker';
import { BundledCMapReader } from '../pdf/cMapReader.js';

/** What the view says, in the interface language. */
export interface PdfPageLabels {
  /** "PDF page {page}". */
  readonly page: string;
  /** The box's name. */
  readonly box: string;
  /** "Drawing page {page}…". */
  readonly rendering: string;
}

/** A rectangle in PDF user space: [x0, y0, x1, y1]. */
export type PdfBox = readonly [number, number, number, number];

/** The page view. */
export class PdfPageView {
  private readonly caption: HTMLElement;
  private readonly page: HTMLElement;
  private bytes?: Uint8Array;
  private document?: Promise<PDFDocumentProxy>;
  private task?: RenderTask;
  /** Counts requests: only the newest one draws. */
  private generation = 0;

  /** @param root The element to fill (data-testid="pdf-view"). */
  constructor(root: HTMLElement) {
    GlobalWorkerOptions.workerPort ??= new PdfWorker();
    const figure = document.createElement('figure');
    figure.className = 'pdf-figure';
    this.caption = document.createElement('figcaption');
    this.page = document.createElement('div');
    this.page.className = 'pdf-page';
    this.page.dataset.testid = 'pdf-page';
    figure.append(this.caption, this.page);
    root.replaceChildren(figure);
  }

  /**
   * Shows a page of a PDF with a box over it.
   * @param bytes The PDF (parsed once per PDF).
   * @param pageNumber 1-based page.
   * @param box The box, if the finding has one.
   * @param labels What the view says.
   * @param width The width to draw the page at (CSS pixels).
   */
  async show(bytes: Uint8Array, pageNumber: number, box: PdfBox | undefined, labels: PdfPageLabels, width: number): Promise<void> {
    const generation = ++this.generation;
    if (bytes !== this.bytes) {
      void this.document?.then((old) => old.destroy());
      this.bytes = bytes;
      // pdf.js takes the buffer it is given to its worker: give it a copy.
      this.document = getDocument({ data: bytes.slice(), CMapReaderFactory: BundledCMapReader, isEvalSupported: false }).promise;
    }
    this.caption.textContent = labels.rendering.replace('{page}', String(pageNumber));
    this.task?.cancel();
    const pdf = await this.document!;
    const page = await pdf.getPage(Math.min(Math.max(pageNumber, 1), pdf.numPages));
    if (generation !== this.generation) return;
    const scale = width / page.getViewport({ scale: 1 }).width;
    const viewport = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${viewport.width}px`;
    canvas.style.height = `${viewport.height}px`;
    const pageName = labels.page.replace('{page}', String(pageNumber));
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', pageName);
    this.task = page.render({ canvasContext: canvas.getContext('2d')!, viewport, ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}) });
    try {
      await this.task.promise;
    } catch (error) {
      // A newer request cancelled this one.
      if ((error as { name?: string }).name === 'RenderingCancelledException') return;
      throw error;
    }
    if (generation !== this.generation) return;
    this.page.style.width = `${viewport.width}px`;
    this.page.style.height = `${viewport.height}px`;
    this.page.dataset.page = String(pageNumber);
    this.page.replaceChildren(canvas);
    this.caption.textContent = pageName;
    if (box === undefined) return;
    const [x0, y0, x1, y1] = viewport.convertToViewportRectangle([...box]) as [number, number, number, number];
    const marker = document.createElement('div');
    marker.className = 'pdf-box';
    marker.dataset.testid = 'pdf-box';
    marker.setAttribute('role', 'img');
    marker.setAttribute('aria-label', labels.box);
    // A line's box is as tall as its text: a little room around it makes it easy to see.
    const pad = 2;
    marker.style.left = `${Math.min(x0, x1) - pad}px`;
    marker.style.top = `${Math.min(y0, y1) - pad}px`;
    marker.style.width = `${Math.abs(x1 - x0) + 2 * pad}px`;
    marker.style.height = `${Math.abs(y1 - y0) + 2 * pad}px`;
    this.page.append(marker);
    marker.scrollIntoView({ block: 'center' });
  }
}

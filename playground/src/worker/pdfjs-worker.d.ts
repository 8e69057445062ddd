/** pdf.js's worker code, loaded into the evaluation worker for its side effect (globalThis.pdfjsWorker). */
declare module 'pdfjs-dist/build/pdf.worker.mjs';

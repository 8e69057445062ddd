/// <reference types="vite/client" />
/**
 * pdf.js's CMaps (needed by Chinese PDFs), bundled as assets and read through a small CMap reader,
 * so the built playground needs no server-side setup. Used where pdf.js reads a PDF: the import in
 * the evaluation worker and the page view.
 */

/** Every CMap pdf.js ships, by name → its asset URL (fetched only when a PDF uses it). */
const CMAPS = import.meta.glob<string>('../../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url&no-inline', import: 'default', eager: true });
const cMapUrls = new Map(Object.entries(CMAPS).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1, -'.bcmap'.length), url]));

/** pdf.js's CMap reader interface, reading the bundled assets. */
export class BundledCMapReader {
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    const url = cMapUrls.get(name);
    if (url === undefined) throw new Error(`pdf.js 没有名为 ${name} 的 CMap`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`无法读取 CMap ${name}（HTTP ${response.status}）`);
    return { cMapData: new Uint8Array(await response.arrayBuffer()), isCompressed: true };
  }
}

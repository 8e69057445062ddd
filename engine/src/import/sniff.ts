/**
 * Telling what a file is from its bytes, not its name: a PDF, a JSON document, published text
 * (UTF-8, or UTF-16 with its byte-order mark), or a format the checker does not read (Excel,
 * Word, ZIP, images, other binaries), named so the user knows what to provide instead.
 */

/** What a file holds. */
export type SniffedInput =
  { readonly kind: 'pdf' } | { readonly kind: 'json'; readonly text: string } | { readonly kind: 'text'; readonly text: string } | { readonly kind: 'unsupported'; readonly what: string };

const SIGNATURES: readonly (readonly [readonly number[], string])[] = [
  [[0x50, 0x4b, 0x03, 0x04], 'Office 文档或 ZIP 压缩包（.xlsx/.docx/.zip）/ an Office document or ZIP archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], '旧版 Office 文档（.xls/.doc）/ a legacy Office document'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片 / a PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG 图片 / a JPEG image'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF 文档 / an RTF document'],
  [[0x1f, 0x8b], 'gzip 压缩包 / a gzip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR 压缩包 / a RAR archive'],
  [[0x49, 0x49, 0x2a, 0x00], 'TIFF 图片 / a TIFF image'],
];

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

/**
 * What a file holds.
 * @param bytes The file's bytes.
 */
export function sniffInput(bytes: Uint8Array): SniffedInput {
  // A PDF may have a few bytes of junk before its header; readers accept the header within 1 KB.
  const head = bytes.subarray(0, 1024);
  for (let offset = 0; offset + 5 <= head.length; offset += 1) {
    if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d], offset)) return { kind: 'pdf' };
  }
  for (const [signature, what] of SIGNATURES) if (startsWith(bytes, signature)) return { kind: 'unsupported', what };
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.subarray(0, 8192).includes(0)) return { kind: 'unsupported', what: '二进制文件 / a binary file' };
    const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
    const replaced = (text.slice(0, 4096).match(/\uFFFD/g) ?? []).length;
    if (replaced > 8) return { kind: 'unsupported', what: '不是 UTF-8 编码的文本（可能是 GBK）：请另存为 UTF-8 / text not in UTF-8 (GBK?): save it as UTF-8' };
  }
  return /^\s*[{[]/.test(text) ? { kind: 'json', text } : { kind: 'text', text };
}

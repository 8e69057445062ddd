/**
 * Recognising a contents entry: a title followed by leaders (……, ..., ···) and a page number, or
 * by a tab and a page number. Read from the end of the line in one pass, without a regular
 * expression: a line is document data, and leaders matched by `(\.{3,}|…{2,})\s*\d*\s*$` make a
 * backtracking engine restart at every dot of a long run.
 */

/** The line without the spaces and the page number it ends with, and whether it had a number. */
function beforePageNumber(text: string): { readonly head: string; readonly digits: number } {
  let end = text.trimEnd().length;
  const digitsEnd = end;
  while (end > 0 && text.charCodeAt(end - 1) >= 48 && text.charCodeAt(end - 1) <= 57) end -= 1;
  return { head: text.slice(0, end), digits: digitsEnd - end };
}

/**
 * Whether a line ends with leaders (three dots, two ellipses or three middle dots) and an
 * optional page number.
 * @param text The line.
 */
export function endsWithLeaders(text: string): boolean {
  const head = beforePageNumber(text).head.trimEnd();
  return head.endsWith('...') || head.endsWith('……') || head.endsWith('···');
}

/**
 * Whether a line is a contents entry: leaders and an optional page number at its end, or a tab
 * and a page number.
 * @param text The line.
 */
export function isContentsEntry(text: string): boolean {
  if (endsWithLeaders(text)) return true;
  const { head, digits } = beforePageNumber(text);
  // A tab among the blanks between the title and its page number.
  const title = head.trimEnd();
  return digits > 0 && head.slice(title.length).includes('\t');
}

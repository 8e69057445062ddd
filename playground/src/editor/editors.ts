/**
 * The two Monaco editors (loaded on demand: Monaco is most of the page's weight, and the first
 * check runs while it loads). Exposes only what the page needs: texts, change events, markers
 * and revealing a range.
 */
import { type MarkerSource, toMarkers } from './markers.js';
import { type TextRange } from './pointerToRange.js';
import { DOCUMENT_URI, RULES_URI, setupMonaco } from './setupMonaco.js';

/** Which editor. */
export type EditorName = 'rules' | 'document';

/** The editors, as the page uses them. */
export interface Editors {
  /** The current text of an editor. */
  text(name: EditorName): string;
  /** Replaces an editor's text (an undoable edit). */
  setText(name: EditorName, text: string): void;
  /** Calls back on every edit of either editor. */
  onChange(listener: (name: EditorName) => void): void;
  /** Replaces our markers in an editor. */
  setMarkers(name: EditorName, sources: readonly MarkerSource[], sourceLabel: string): void;
  /** Selects a range, scrolls it into view and focuses the editor. */
  reveal(name: EditorName, range: TextRange): void;
  /** Applies edits made on the current text (one undoable step), as typing them would. */
  edit(name: EditorName, edits: readonly { readonly offset: number; readonly length: number; readonly content: string }[]): void;
  /** Scrolls a range into view without moving the focus or the selection. */
  show(name: EditorName, range: TextRange): void;
}

const OWNER = 'disclosure-rules';

/**
 * Creates both editors.
 * @param containers Where each editor goes.
 * @param texts Their initial texts.
 */
export function createEditors(containers: Record<EditorName, HTMLElement>, texts: Record<EditorName, string>): Editors {
  const monaco = setupMonaco();
  const options = {
    automaticLayout: true,
    theme: window.matchMedia('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs',
    // Budget texts are full of full-width punctuation (（），：): do not box them as "ambiguous".
    unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false },
    minimap: { enabled: false },
    fontFamily: "'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', monospace",
    fontSize: 13,
    scrollBeyondLastLine: false,
  };
  const models = {
    rules: monaco.editor.createModel(texts.rules, 'json', RULES_URI),
    document: monaco.editor.createModel(texts.document, 'json', DOCUMENT_URI),
  };
  const editors = {
    // Labelled for screen readers; Ctrl+M (shown on the page) switches Tab between indenting and leaving the editor.
    rules: monaco.editor.create(containers.rules, { ...options, model: models.rules, ariaLabel: '规则包（JSON）/ rule pack (JSON)' }),
    document: monaco.editor.create(containers.document, { ...options, model: models.document, ariaLabel: '公开文档（JSON）/ disclosure document (JSON)' }),
  };
  return {
    text: (name) => models[name].getValue(),
    setText(name, text) {
      const model = models[name];
      editors[name].executeEdits('playground', [{ range: model.getFullModelRange(), text }]);
      editors[name].pushUndoStop();
    },
    onChange(listener) {
      for (const name of ['rules', 'document'] as const)
        models[name].onDidChangeContent(() => {
          listener(name);
        });
    },
    setMarkers(name, sources, sourceLabel) {
      const model = models[name];
      monaco.editor.setModelMarkers(
        model,
        OWNER,
        toMarkers(sources, monaco.MarkerSeverity, (offset) => model.getPositionAt(offset), sourceLabel),
      );
    },
    edit(name, edits) {
      const model = models[name];
      const toRange = (offset: number, length: number) => {
        const start = model.getPositionAt(offset);
        const end = model.getPositionAt(offset + length);
        return new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
      };
      editors[name].pushUndoStop();
      editors[name].executeEdits(
        'form',
        edits.map((edit) => ({ range: toRange(edit.offset, edit.length), text: edit.content })),
      );
      editors[name].pushUndoStop();
    },
    show(name, range) {
      const model = models[name];
      const start = model.getPositionAt(range.offset);
      const end = model.getPositionAt(range.offset + range.length);
      editors[name].revealRangeNearTop(new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column));
    },
    reveal(name, range) {
      const model = models[name];
      const start = model.getPositionAt(range.offset);
      const end = model.getPositionAt(range.offset + range.length);
      const selection = new monaco.Selection(start.lineNumber, start.column, end.lineNumber, end.column);
      editors[name].setSelection(selection);
      editors[name].revealRangeInCenterIfOutsideViewport(selection);
      editors[name].focus();
    },
  };
}

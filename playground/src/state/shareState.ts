/**
 * The playground's state as it travels in a share link or in local storage: only what differs
 * from the defaults (the example, the language, and the edits to each text as an RFC 6902 patch,
 * or the raw text when it is not valid JSON), compressed with lz-string. Pure functions: the
 * `Location` and `Storage` they read are passed in.
 */
import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

/** Languages of the interface and the messages. */
export type UiLanguage = 'zh-CN' | 'en';

/** What the page shows. */
export interface PlaygroundState {
  /** Example id. */
  readonly example: string;
  /** Interface and message language. */
  readonly language: UiLanguage;
  /** The rules editor's text. */
  readonly rulesText: string;
  /** The document editor's text. */
  readonly documentText: string;
  /** Rules switched off in the rule list (left out of the check), by id. */
  readonly off?: readonly string[];
}

/** How a text differs from its default: a JSON patch, or the whole text when it is not JSON. */
type TextDelta = { readonly p: Operation[] } | { readonly t: string };

/** The stored form: only fields that differ from the defaults. */
export interface StateDelta {
  /** Example id, if not the default. */
  readonly e?: string;
  /** Language, if not zh-CN. */
  readonly l?: UiLanguage;
  /** Rules edits. */
  readonly r?: TextDelta;
  /** Document edits. */
  readonly d?: TextDelta;
  /** Rules switched off, if any. */
  readonly o?: readonly string[];
}

/** The defaults a delta is relative to. */
export interface Defaults {
  /** Default example id. */
  readonly example: string;
  /** Default rules text. */
  readonly rulesText: string;
  /** Loads an example's text. */
  exampleText(id: string): Promise<string | undefined>;
}

const HASH_PREFIX = '#s=';
/** The local-storage key of the autosaved state. */
export const STORAGE_KEY = 'disclosure-rules:playground';

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function delta(base: string, current: string): TextDelta | undefined {
  if (base === current) return undefined;
  const before = tryParse(base);
  const after = tryParse(current);
  if (before.ok && after.ok && before.value !== null && after.value !== null && typeof before.value === 'object' && typeof after.value === 'object') {
    const patch = fastJsonPatch.compare(before.value, after.value);
    // Only a patch that rebuilds the text exactly (same formatting) may stand for it.
    if (format(fastJsonPatch.applyPatch(structuredClone(before.value), patch, false, false).newDocument) === current) return { p: patch };
  }
  return { t: current };
}

function format(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function apply(base: string, change: TextDelta | undefined): string {
  if (change === undefined) return base;
  if ('t' in change) return change.t;
  const parsed = tryParse(base);
  if (!parsed.ok) return base;
  try {
    return format(fastJsonPatch.applyPatch(structuredClone(parsed.value), change.p, false, false).newDocument);
  } catch {
    // A link made against older defaults may patch places that no longer exist: start from the defaults.
    return base;
  }
}

function isTextDelta(value: unknown): value is TextDelta {
  if (value === null || typeof value !== 'object') return false;
  const { p, t } = value as { p?: unknown; t?: unknown };
  return typeof t === 'string' || (Array.isArray(p) && p.every((operation) => operation !== null && typeof operation === 'object'));
}

/** Whether a decoded value has the shape of a stored delta (links and storage can hold anything). */
function isStateDelta(value: unknown): value is StateDelta {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { e, l, r, d, o } = value as Record<string, unknown>;
  return (
    (e === undefined || typeof e === 'string') &&
    (l === undefined || l === 'zh-CN' || l === 'en') &&
    (r === undefined || isTextDelta(r)) &&
    (d === undefined || isTextDelta(d)) &&
    (o === undefined || (Array.isArray(o) && o.every((id) => typeof id === 'string')))
  );
}

/**
 * The delta of a state from the defaults.
 * @param state The state.
 * @param defaults The defaults.
 * @param exampleText The text of the state's example as shipped.
 */
export function toDelta(state: PlaygroundState, defaults: Defaults, exampleText: string): StateDelta {
  const rules = delta(defaults.rulesText, state.rulesText);
  const document = delta(exampleText, state.documentText);
  return {
    ...(state.example !== defaults.example ? { e: state.example } : {}),
    ...(state.language !== 'zh-CN' ? { l: state.language } : {}),
    ...(rules !== undefined ? { r: rules } : {}),
    ...(document !== undefined ? { d: document } : {}),
    ...(state.off !== undefined && state.off.length > 0 ? { o: [...state.off].sort() } : {}),
  };
}

/**
 * Rebuilds a state from a delta; an unknown example falls back to the default.
 * @param change The delta.
 * @param defaults The defaults.
 */
export async function fromDelta(change: StateDelta, defaults: Defaults): Promise<PlaygroundState> {
  let example = change.e ?? defaults.example;
  let exampleText = await defaults.exampleText(example);
  if (exampleText === undefined) {
    example = defaults.example;
    exampleText = (await defaults.exampleText(example)) ?? '';
  }
  return {
    example,
    language: change.l === 'en' ? 'en' : 'zh-CN',
    rulesText: apply(defaults.rulesText, change.r),
    documentText: apply(exampleText, change.d),
    ...(change.o !== undefined && change.o.length > 0 ? { off: change.o } : {}),
  };
}

/**
 * Encodes a delta for a URL hash ("#s=…"), or "" when nothing differs.
 * @param change The delta.
 */
export function encodeHash(change: StateDelta): string {
  return Object.keys(change).length === 0 ? '' : `${HASH_PREFIX}${compressToEncodedURIComponent(JSON.stringify(change))}`;
}

/**
 * Decodes a URL hash, or undefined when it holds no (readable) state.
 * @param hash location.hash.
 */
export function decodeHash(hash: string): StateDelta | undefined {
  if (!hash.startsWith(HASH_PREFIX)) return undefined;
  return decodeText(decompressFromEncodedURIComponent(hash.slice(HASH_PREFIX.length)));
}

function decodeText(text: string | null | undefined): StateDelta | undefined {
  if (text === null || text === undefined || text === '') return undefined;
  const parsed = tryParse(text);
  return parsed.ok && isStateDelta(parsed.value) ? parsed.value : undefined;
}

/** Where the start state came from. */
export type StateSource = 'link' | 'autosave' | 'default';

/**
 * The start state: the share link first, then the autosaved state, then the defaults.
 * @param location The page location (its hash).
 * @param storage Local storage, if available.
 * @param defaults The defaults.
 */
export async function initialState(location: Pick<Location, 'hash'>, storage: Pick<Storage, 'getItem'> | undefined, defaults: Defaults): Promise<{ state: PlaygroundState; source: StateSource }> {
  const linked = decodeHash(location.hash);
  if (linked !== undefined) return { state: await fromDelta(linked, defaults), source: 'link' };
  let saved: StateDelta | undefined;
  try {
    saved = decodeText(storage?.getItem(STORAGE_KEY));
  } catch {
    saved = undefined;
  }
  if (saved !== undefined) return { state: await fromDelta(saved, defaults), source: 'autosave' };
  return { state: await fromDelta({}, defaults), source: 'default' };
}

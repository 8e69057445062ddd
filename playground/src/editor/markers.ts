/**
 * Findings and problems → Monaco markers, through one pure function that takes Monaco's enums
 * and the model's offset → position mapping as parameters (unit-tested without a browser).
 */
import { type TextRange } from './pointerToRange.js';

/** Marker severities as Monaco numbers them (pass monaco.MarkerSeverity): S is that enum's type. */
export interface SeverityEnum<S extends number = number> {
  readonly Error: S;
  readonly Warning: S;
  readonly Info: S;
}

/** A position in a model. */
export interface Position {
  readonly lineNumber: number;
  readonly column: number;
}

/** What becomes one marker. */
export interface MarkerSource {
  /** Where. */
  readonly range: TextRange;
  /** error, warning or info. */
  readonly severity: 'error' | 'warning' | 'info';
  /** Hover text. */
  readonly message: string;
  /** The rule id, shown as the marker code. */
  readonly code?: string;
}

/** Monaco's marker data (IMarkerData), as far as we set it. */
export interface MarkerData<S extends number = number> {
  readonly severity: S;
  readonly message: string;
  readonly source: string;
  readonly code?: string;
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/**
 * Builds the markers for one model.
 * @param sources Findings or problems with their ranges.
 * @param severities monaco.MarkerSeverity.
 * @param positionAt model.getPositionAt.
 * @param sourceLabel Shown before the code in the hover ("规则").
 */
export function toMarkers<S extends number>(sources: readonly MarkerSource[], severities: SeverityEnum<S>, positionAt: (offset: number) => Position, sourceLabel: string): MarkerData<S>[] {
  return sources.map((source) => {
    const start = positionAt(source.range.offset);
    const end = positionAt(source.range.offset + Math.max(source.range.length, 1));
    const severity = source.severity === 'error' ? severities.Error : source.severity === 'warning' ? severities.Warning : severities.Info;
    return {
      severity,
      message: source.message,
      source: sourceLabel,
      ...(source.code !== undefined ? { code: source.code } : {}),
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  });
}

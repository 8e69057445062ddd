/** Findings → Monaco markers, with Monaco's severity enum passed in. */
import { describe, expect, it } from 'vitest';
import { toMarkers } from '../../playground/src/editor/markers.js';

const severities = { Error: 8, Warning: 4, Info: 2 };
const text = 'line one\nline two\n';
const positionAt = (offset: number) => {
  const before = text.slice(0, offset).split('\n');
  return { lineNumber: before.length, column: before[before.length - 1]!.length + 1 };
};

describe('toMarkers', () => {
  it('maps ranges to positions and severities to the enum, keeping the rule id as code', () => {
    const [error, warning] = toMarkers(
      [
        { range: { offset: 9, length: 4, exact: true }, severity: 'error', message: 'm', code: 'rule-a' },
        { range: { offset: 0, length: 0, exact: false }, severity: 'warning', message: 'w' },
      ],
      severities,
      positionAt,
      '规则',
    );
    expect(error).toEqual({ severity: 8, message: 'm', source: '规则', code: 'rule-a', startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 5 });
    expect(warning).toMatchObject({ severity: 4, startColumn: 1, endColumn: 2 });
    expect(warning).not.toHaveProperty('code');
  });
});

/** English messages by finding code; `{name}` placeholders are filled from the finding's params. */
export const en: Readonly<Record<string, string>> = {
  rule_violated: '{title}: expected {expected}, found {actual}',
  rule_error: 'The rule could not be evaluated: {reason}. Fix the data at this place, or check the rule',
  schema_violation: 'Document shape: {detail}',
  invalid_amount: 'The value {value} in {table}, row "{row}", column {column} is not an amount: write a decimal number (e.g. 3011.46) and leave blank cells empty',
  generic: '{title}',
};

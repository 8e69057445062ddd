// ESLint: typescript-eslint's strict type-checked rules over every TypeScript file, and
// eslint-plugin-regexp (rule authors write patterns, so the engine's own must be exemplary).
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'playground/dist/**', 'node_modules/**', 'engine/src/schema/generated/**', 'coverage/**', 'scratch/**'] },
  ...tseslint.configs.strictTypeChecked,
  regexp.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // noUncheckedIndexedAccess is on: `!` marks an index the code has just proven in range
      // (array[index]! inside a bounds loop, match[1]! of a matched group); a runtime check there
      // could never fail.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers in messages are what the messages are made of.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `const { $schema: _schema, ...rest } = value` drops a key: the underscore says so.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // A variable set once after a later await (Monaco's editors) is read before that: let stays.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Full-width digits (０-９) and circled numbers (①-⑳) are ranges of the documents' vocabulary.
      'regexp/no-obscure-range': ['error', { allowed: ['alphanumeric', '０-９', '①-⑳'] }],
    },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringMatching…) are typed `any`.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-member-access': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);

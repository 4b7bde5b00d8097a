// @ts-check
// `npm run lint`: eslint's and typescript-eslint's recommended rules over src, commands and tests.
// No type-aware rules (they need a full type-check per run; `npm run typecheck` already does that),
// so a run stays a few seconds. Layout is prettier's job (.prettierrc), not eslint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'knowledge/', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a deliberately unused name (a placeholder argument, a field dropped
      // with `{ field: _, ...rest }`), the TypeScript convention.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: the regexes that contain control characters exist to find them (the text toolkit's
      // escaper, the control-character display, the tests that check no control character gets out).
      'no-control-regex': 'off',
      // Off: the zero-width and direction-mark classes (search/normalize.ts) list combining code points
      // one by one on purpose; the rule cannot tell them from a pasted emoji with a variation selector.
      'no-misleading-character-class': 'off',
      // Off: a style rule, not a bug finder; escaping `[` or `/` inside a character class is harmless
      // and often clearer to read.
      'no-useless-escape': 'off',
    },
  },
  {
    // The tests read Discord's raw JSON (the stand-in's requests, payloads, gateway frames), which has
    // no types worth writing for a test; `any` there is the payload's honest type. Production code
    // keeps the rule.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);

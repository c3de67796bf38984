import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import chain from './eslint/folder-chain.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.cache/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through server/config.ts.',
        },
      ],
    },
  },
  { files: ['server/**/*.ts'], plugins: { chain }, rules: { 'chain/folder-chain': 'error' } },
  { files: ['scripts/**', 'tests/**', 'server/config.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    files: ['client/**'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        fetch: 'readonly',
        navigator: 'readonly',
      },
    },
  },
);

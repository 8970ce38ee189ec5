import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const src = (p) => `./src/${p}`;
// Every folder under src/features is a feature: a new one is fenced in without editing this list.
const features = fs
  .readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const shared = ['ui', 'api', 'contract', 'domain', 'i18n'].map(src);

// The import direction of docs/architecture.md: app -> features -> shared; features never import
// one another; server -> (contract, domain); only src/mocks (and test set-up) reach the server.
const zones = [
  ...features.map((f) => ({
    target: src(`features/${f}`),
    from: src('features'),
    except: [`./${f}`],
    message: 'Features never import one another: compose them in src/app.',
  })),
  { target: src('features'), from: src('app'), message: 'Features must not import the app layer.' },
  { target: shared, from: [src('features'), src('app'), src('mocks')], message: 'Shared code must not import features, app or mocks.' },
  {
    target: [src('contract'), src('domain')],
    from: [src('ui'), src('api'), src('i18n'), src('app'), src('features'), './server'],
    message: 'contract and domain are pure: no UI, I/O or server imports.',
  },
  {
    target: [src('app'), src('features'), ...shared],
    from: './server',
    message: 'Only src/mocks may import the server.',
  },
  {
    target: src('mocks'),
    from: './server',
    except: ['./app.ts', './deps.ts', './store'],
    message: 'src/mocks may import only server/app.ts and the store.',
  },
  {
    target: './server',
    from: './src',
    except: ['./contract', './domain'],
    message: 'The server may import only src/contract and src/domain.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-server/', 'dist-demo/', 'node_modules/', 'demo-public/mockServiceWorker.js', '.cache/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { import: importPlugin, 'react-hooks': reactHooks },
    settings: {
      // Plain Node resolution is enough: imports are relative and extensionless.
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
      'import/extensions': ['.ts', '.tsx', '.js'],
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import/ignore': ['node_modules'],
    },
    rules: {
      'import/no-restricted-paths': ['error', { zones }],
      'import/no-cycle': ['error', { maxDepth: 10, ignoreExternal: true }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'server/main.ts', 'server/dev.ts', 'server/dev-build.ts', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
);

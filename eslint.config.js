import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const src = (p) => `./src/${p}`;
const features = ['auth', 'sequences', 'contacts', 'email-health', 'probation'];
const shared = ['ui', 'api', 'contract', 'domain', 'i18n'].map(src);

// The import direction of DESIGN.md §3: app -> features -> shared; features never import
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
  { ignores: ['dist/', 'node_modules/', 'public/mockServiceWorker.js', '.cache/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'server/main.ts', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
);

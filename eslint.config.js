// Lint of the engine's types (`npm run lint`; the import boundaries are .dependency-cruiser.cjs's):
// no `any`, and no type assertion but at the JSON boundary, where no guard can state what a value is.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Files that read raw JSON where no guard can express the fact: a type assertion is allowed there,
 * each with its reason in a comment before its statement (`// JSON boundary: …`). */
const jsonBoundary = [
  'src/engine/world/json.ts',
  'src/engine/world/schema/**',
  // The bridge's answers, read from the network.
  'src/engine/sources/bridge/client.ts',
];

/** At the JSON boundary, a type assertion says why no guard can state the fact. */
const castWithReason = {
  meta: { type: 'problem', schema: [], messages: { reason: 'A type assertion at the JSON boundary needs its reason: // JSON boundary: …' } },
  create(context) {
    const source = context.sourceCode;
    const isStatement = (node) => ['Program', 'BlockStatement', 'ClassBody', 'StaticBlock', 'SwitchCase'].includes(node.parent?.type);
    const hasReason = (node) => {
      for (let at = node; at; at = at.parent) {
        if (source.getCommentsBefore(at).some((comment) => comment.value.trimStart().startsWith('JSON boundary:'))) return true;
        if (isStatement(at)) return false;
      }
      return false;
    };
    const check = (node) => {
      const constant = node.typeAnnotation.type === 'TSTypeReference' && node.typeAnnotation.typeName.name === 'const';
      if (!constant && !hasReason(node)) context.report({ node, messageId: 'reason' });
    };
    return { TSAsExpression: check, TSTypeAssertion: check };
  },
};

export default defineConfig(
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
    },
  },
  {
    files: jsonBoundary,
    plugins: { 'json-boundary': { rules: { 'cast-with-reason': castWithReason } } },
    rules: { '@typescript-eslint/consistent-type-assertions': 'off', 'json-boundary/cast-with-reason': 'error' },
  },
);

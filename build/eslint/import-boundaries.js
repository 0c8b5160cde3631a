// An ESLint rule that forbids imports across a boundary, judged on the file an import resolves to
// (repository-relative), not on how its specifier is spelled: `../lexhub/x.ts` and
// `../../sources/lexhub/x.ts` are the same dependency. Its own rule name, so that it never replaces
// another block's `no-restricted-imports` settings (flat config replaces a rule's options, it does
// not merge them).
import path from 'node:path';

/**
 * @typedef {{ from: string, forbid: string[], message: string }} Boundary
 * `from`: a folder (repository-relative, ending in `/`) whose files the boundary applies to;
 * `forbid`: folders those files may not import from.
 */

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports from one folder into another, resolved to the imported file.' },
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            from: { type: 'string' },
            forbid: { type: 'array', items: { type: 'string' } },
            message: { type: 'string' },
          },
          required: ['from', 'forbid', 'message'],
          additionalProperties: false,
        },
      },
    ],
  },
  create(context) {
    /** @type {Boundary[]} */
    const boundaries = context.options[0] ?? [];
    const file = toPosix(path.relative(context.cwd, context.filename));
    const applying = boundaries.filter((b) => file.startsWith(b.from));
    if (applying.length === 0) return {};

    /** @param {import('estree').Node & { source?: unknown }} node */
    const check = (node) => {
      const source = /** @type {{ type?: string, value?: unknown } | null | undefined} */ (node.source);
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      // Bare specifiers are packages; the project's own folders are always reached by a relative path.
      if (!specifier.startsWith('.')) return;
      const target = toPosix(path.relative(context.cwd, path.resolve(path.dirname(context.filename), specifier)));
      for (const boundary of applying) {
        const folder = boundary.forbid.find((f) => target.startsWith(f));
        if (folder !== undefined) {
          context.report({ node: source, message: `${boundary.message} (${file} → ${target})` });
          return;
        }
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

/** @param {string} p */
function toPosix(p) {
  return p.split(path.sep).join('/');
}

export default { rules: { 'import-boundaries': rule } };

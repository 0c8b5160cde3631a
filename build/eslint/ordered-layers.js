/**
 * `layers/ordered`: the project's layering rule, after VS Code's `code-layering`. An ordering lists
 * layers from the bottom up, each a set of folders (or files) under a scope; a file may import its
 * own layer and the layers below it, never one above. Relative imports are resolved from the
 * importing file, so `../app/App.tsx` and `../../src/app/App.tsx` are judged alike. A file of the
 * scope that is in no layer is an error too: a new folder has to be placed, it cannot slip through.
 *
 * Options: `{ root, orderings: [{ scope, layers: [[folder, …], …] }] }`, folders relative to `root`.
 */
import path from 'node:path';

/** The layer index of a project-relative path in an ordering, or -1. */
function layerOf(ordering, relative) {
  return ordering.layers.findIndex((folders) => folders.some((folder) => relative === folder || relative.startsWith(`${folder}/`)));
}

function inScope(ordering, relative) {
  return relative.startsWith(`${ordering.scope}/`);
}

const toPosix = (file) => file.split(path.sep).join('/');

const ordered = {
  meta: {
    type: 'problem',
    docs: { description: 'Layers may import only themselves and the layers below them.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          orderings: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                scope: { type: 'string' },
                layers: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
              },
              required: ['scope', 'layers'],
              additionalProperties: false,
            },
          },
        },
        required: ['root', 'orderings'],
        additionalProperties: false,
      },
    ],
    messages: {
      upwards: '« {{file}} » (layer {{from}}) may not import « {{target}} » (layer {{to}}, above it in {{scope}}): {{order}}.',
      unplaced: '« {{file}} » is in no layer of {{scope}}: place its folder in the layers of eslint.config.js.',
    },
  },
  create(context) {
    const { root, orderings } = context.options[0];
    const file = toPosix(path.relative(root, context.filename));
    const own = orderings.filter((ordering) => inScope(ordering, file)).map((ordering) => ({ ordering, layer: layerOf(ordering, file) }));
    if (own.length === 0) return {};
    const name = (ordering, layer) => ordering.layers[layer].join(', ');
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = toPosix(path.relative(root, path.resolve(path.dirname(context.filename), source)));
      for (const { ordering, layer } of own) {
        if (layer < 0) continue;
        const targetLayer = layerOf(ordering, target);
        if (targetLayer > layer) {
          context.report({
            node,
            messageId: 'upwards',
            data: {
              file,
              target,
              from: name(ordering, layer),
              to: name(ordering, targetLayer),
              scope: ordering.scope,
              order: ordering.layers.map((folders) => folders.join(' | ')).join(' < '),
            },
          });
        }
      }
    };
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      Program(node) {
        for (const { ordering, layer } of own) {
          if (layer < 0) context.report({ node, messageId: 'unplaced', data: { file, scope: ordering.scope } });
        }
      },
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node.source, node.source.value);
      },
    };
  },
};

export default { rules: { ordered } };

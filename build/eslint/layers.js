// The ordered layers of the corpus and of the renderer, bottom first, after VS Code's
// `code-layering`: a file may import its own layer and the layers below it, never one above.
// eslint.config.js turns them into boundaries (`import-boundaries.js`, judged on the resolved
// file); `ordered-layers.test.ts` checks that every folder of `corpus/` and `renderer/src/` is
// placed in a layer, so that a new folder cannot slip through unconstrained.

/** The corpus: utilities < the model < text analysis < diff and search < annotation anchoring < the compiler. */
export const corpusLayers = [
  ['corpus/util/'],
  ['corpus/model/'],
  ['corpus/text/'],
  ['corpus/diff/', 'corpus/search/'],
  ['corpus/annotations/'],
  ['corpus/compiler/'],
];

/** The renderer's features: they may import one another (the article page shows the links panel), never the shell. */
export const rendererFeatures = [
  'annotations',
  'article',
  'correspondence',
  'home',
  'links',
  'notices',
  'print',
  'results',
  'search',
  'session',
  'toc',
  'trail',
  'versions',
];

/**
 * The renderer: its transport, dates and legal citations (`citation/`: amending texts, references as written) < the library (the corpus over the API) < the reader core
 * (reader context, routes) < shared components < the features < the shell (`app/`) < the entry point.
 */
export const rendererLayers = [
  ['renderer/src/api/', 'renderer/src/dates/', 'renderer/src/citation/', 'renderer/src/styles/', 'renderer/src/env.d.ts'],
  ['renderer/src/data/'],
  ['renderer/src/reader/'],
  ['renderer/src/ui/'],
  rendererFeatures.map((feature) => `renderer/src/${feature}/`),
  ['renderer/src/app/'],
  ['renderer/src/main.tsx'],
];

/**
 * One boundary per folder of each layer: it may not import any layer above it.
 * @param {string[][]} layers
 * @returns {{ from: string, forbid: string[], message: string }[]}
 */
export function layerBoundaries(layers) {
  const order = layers.map((folders) => folders.join(' | ')).join(' < ');
  return layers.flatMap((folders, index) =>
    folders.map((from) => ({
      from,
      forbid: layers.slice(index + 1).flat(),
      message: `A layer may import only itself and the layers below it (${order})`,
    })),
  );
}

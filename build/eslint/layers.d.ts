// Types of layers.js (plain JavaScript: eslint.config.js imports it), for the tests.
export const corpusLayers: string[][];
export const rendererFeatures: string[];
export const rendererLayers: string[][];
export function layerBoundaries(layers: string[][]): { from: string; forbid: string[]; message: string }[];

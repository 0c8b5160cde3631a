/**
 * The lint rules that keep the layers, run through ESLint's Node API on the project's own
 * configuration: each deliberate violation must be reported by the rule meant to catch it, and the
 * same file written the allowed way must be clean. So a rule that stops matching (a renamed
 * folder, a plugin dropped from eslint.config.js) fails here instead of silently letting code through.
 * And every folder of `corpus/` and `renderer/src/` must have its layer (`layers.js`).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { corpusLayers, rendererLayers } from './layers.js';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The rules reported on `code` linted as if it were the file `file` (a path from the project root; it need not exist). */
async function rulesReported(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  if (!result) throw new Error(`ESLint returned no result for ${file}`);
  // A fatal message (a parse error) has no rule: it would make every expectation below pass for the wrong reason.
  const fatal = result.messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${file}: ${fatal.message}`);
  return result.messages.map((message) => message.ruleId ?? 'none');
}

describe('layers of the corpus (util < model < text < diff, search < compiler)', () => {
  it.each([
    ['corpus/util/probe.ts', "import type { Article } from '../model/model.ts';\nexport type A = Article;\n"],
    ['corpus/model/probe.ts', "import { rebuildParagraphs } from '../text/paragraphs.ts';\nexport const f = rebuildParagraphs;\n"],
    ['corpus/text/probe.ts', "import { compareVersions } from '../diff/index.ts';\nexport const f = compareVersions;\n"],
    ['corpus/search/probe.ts', "export { mergeSources } from '../compiler/merge.ts';\n"],
  ])('%s may not import a layer above it', async (file, code) => {
    expect(await rulesReported(file, code)).toContain('layers/import-boundaries');
  });

  it('allows imports downwards and within a layer', async () => {
    const code = [
      "import type { Article } from '../model/model.ts';",
      "import { groupBy } from '../util/group-by.ts';",
      "import { rebuildParagraphs } from '../text/paragraphs.ts';",
      "import { compareVersions } from '../diff/index.ts';",
      'export const used = [groupBy, rebuildParagraphs, compareVersions];',
      'export type A = Article;',
      '',
    ].join('\n');
    expect(await rulesReported('corpus/search/probe.ts', code)).toEqual([]);
  });

  it('counts a dynamic import as an import', async () => {
    const code = "export const load = () => import('../compiler/merge.ts');\n";
    expect(await rulesReported('corpus/model/probe.ts', code)).toContain('layers/import-boundaries');
  });
});

describe('layers of the renderer (core < features < shell)', () => {
  it('a feature may not import the shell', async () => {
    const code = "import { App } from '../app/App.tsx';\nexport const shell = App;\n";
    expect(await rulesReported('renderer/src/toc/probe.ts', code)).toContain('layers/import-boundaries');
  });

  it.each([
    ['renderer/src/reader/probe.ts', "import { timelineOf } from '../versions/timeline.ts';\nexport const f = timelineOf;\n"],
    ['renderer/src/data/probe.ts', "import { tocRows } from '../toc/toc-rows.ts';\nexport const f = tocRows;\n"],
    ['renderer/src/ui/probe.tsx', "import { SearchBox } from '../search/SearchBox.tsx';\nexport const f = SearchBox;\n"],
  ])('the shared core (%s) imports no feature', async (file, code) => {
    expect(await rulesReported(file, code)).toContain('layers/import-boundaries');
  });

  it('a feature may import the core and another feature', async () => {
    const code = [
      "import { useReader } from '../reader/reader-context.ts';",
      "import { Message } from '../ui/Message.tsx';",
      "import { statusLabel } from '../article/status-label.ts';",
      'export const used = [useReader, Message, statusLabel];',
      '',
    ].join('\n');
    expect(await rulesReported('renderer/src/versions/probe.ts', code)).toEqual([]);
  });
});

describe('the rules of hooks', () => {
  it('reports a hook called conditionally', async () => {
    const code = [
      "import { useState } from 'react';",
      'export function Probe({ on }: { on: boolean }) {',
      '  if (on) {',
      '    const [value] = useState(0);',
      '    return value;',
      '  }',
      '  return 0;',
      '}',
      '',
    ].join('\n');
    expect(await rulesReported('renderer/src/toc/Probe.tsx', code)).toContain('react-hooks/rules-of-hooks');
  });

  it('reports a missing dependency, of an effect and of useAsync', async () => {
    const code = [
      "import { useEffect } from 'react';",
      "import { useAsync } from '../ui/use-async.ts';",
      'export function useProbe(id: string, load: (id: string) => Promise<number>) {',
      '  useEffect(() => console.log(id), []);',
      '  return useAsync(() => load(id), [load]);',
      '}',
      '',
    ].join('\n');
    const rules = await rulesReported('renderer/src/toc/use-probe.ts', code);
    expect(rules.filter((rule) => rule === 'react-hooks/exhaustive-deps')).toHaveLength(2);
  });

  it('accepts complete dependencies', async () => {
    const code = [
      "import { useEffect } from 'react';",
      "import { useAsync } from '../ui/use-async.ts';",
      'export function useProbe(id: string, load: (id: string) => Promise<number>) {',
      '  useEffect(() => console.log(id), [id]);',
      '  return useAsync(() => load(id), [load, id]);',
      '}',
      '',
    ].join('\n');
    expect(await rulesReported('renderer/src/toc/use-probe.ts', code)).toEqual([]);
  });
});

describe('every folder has its layer', () => {
  /** The entries of a folder that lint would check (sources), as layer paths: `folder/` or a file. */
  const entries = (folder: string) =>
    readdirSync(path.join(root, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || /\.(ts|tsx)$/.test(entry.name))
      .map((entry) => `${folder}/${entry.name}${entry.isDirectory() ? '/' : ''}`);
  // corpus/cache and corpus/dist hold what the compiler reads and writes (ignored by git), no code;
  // corpus/sample the committed sample of the histories and corpus/fetched what corpus:fetch writes: data.
  const generated = new Set(['corpus/cache/', 'corpus/dist/', 'corpus/sample/', 'corpus/fetched/']);

  it.each([
    ['corpus', corpusLayers],
    ['renderer/src', rendererLayers],
  ])('%s', (folder, layers) => {
    const placed = new Set(layers.flat());
    expect(entries(folder).filter((entry) => !generated.has(entry) && !placed.has(entry))).toEqual([]);
  });
});

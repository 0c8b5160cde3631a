// The compiler's import boundaries, checked by linting deliberate violations with the project's own
// eslint.config.js: a rule that never fires would pass `eslint .` just as well.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The messages of the boundary rule for `code` linted as if it were the file `file`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'boundaries/import-boundaries').map((m) => m.message);
}

describe('the compiler sources: importers depend only on the shared layer', () => {
  it('an importer importing another importer is an error, however the path is spelt', async () => {
    const errors = await boundaryErrors(
      'corpus/compiler/sources/lexhub/violation.ts',
      "import { importLexlib } from '../lexlib/lexlib-import.ts';\nimport { parseSeedArticle } from '../../sources/seeds/seed-article.ts';\nexport { importLexlib, parseSeedArticle };\n",
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('corpus/compiler/sources/lexhub/violation.ts → corpus/compiler/sources/lexlib/lexlib-import.ts');
    expect(errors[1]).toContain('→ corpus/compiler/sources/seeds/seed-article.ts');
  });

  it('the shared layer importing an importer is an error', async () => {
    const errors = await boundaryErrors(
      'corpus/compiler/sources/common/violation.ts',
      "export { importLegiData } from '../legidata/legidata-import.ts';\n",
    );
    expect(errors).toEqual([expect.stringContaining('The shared layer of the sources may not import an importer')]);
  });

  it('an importer importing the shared layer, its own folder or the compiler is allowed', async () => {
    const errors = await boundaryErrors(
      'corpus/compiler/sources/seeds/allowed.ts',
      "import { warn } from '../common/parse-context.ts';\nimport { importSeedFile } from './seed-import.ts';\nimport type { SourceImport } from '../source-import.ts';\nexport { warn, importSeedFile, type SourceImport };\n",
    );
    expect(errors).toEqual([]);
  });
});

describe('the host may not import the compiler', () => {
  it('a host module importing the bundle writer is an error', async () => {
    const errors = await boundaryErrors(
      'electron/host/violation.ts',
      "import { writeBundle } from '../../corpus/compiler/bundle/bundle-writer.ts';\nexport { writeBundle };\n",
    );
    expect(errors).toEqual([expect.stringContaining('electron/host/violation.ts → corpus/compiler/bundle/bundle-writer.ts')]);
  });

  it('so do its tests, while a test helper under tests/support/ may use the compiler', async () => {
    expect(
      await boundaryErrors('electron/host/violation.test.ts', "export { compileCorpus } from '../../corpus/compiler/compile.ts';\n"),
    ).toHaveLength(1);
    expect(
      await boundaryErrors('tests/support/allowed.ts', "export { writeBundle } from '../../corpus/compiler/bundle/bundle-writer.ts';\n"),
    ).toEqual([]);
  });

  it('the host importing the model is allowed', async () => {
    expect(await boundaryErrors('electron/host/allowed.ts', "export type { Manifest } from '../../corpus/model/bundle.ts';\n")).toEqual([]);
  });
});

/**
 * A synthetic corpus of N × the real one, for the scale bench (`npm run bench -- scale`, the CLI's
 * `--replicate N`): every imported code is copied N − 1 times under other code ids and titles
 * (`code-du-travail-copie-2`, « Code du travail (copie 2) »), its articles, versions, tables of
 * contents and change sets with it. The texts stay the real ones, so the statistics that drive
 * the compiler's and the search's costs (words, versions, references) stay real; references in the
 * texts still point at the original codes, as citations between codes do.
 */
import type { CodeId } from '../model/model.ts';
import type { SourceImport } from './sources/source-import.ts';

export const copyId = (code: CodeId, copy: number): CodeId => `${code}-copie-${copy}`;

/** Every string that is a code id, or an id under it (`code/LEGIARTI…`), moved to the copy. */
function renamed(value: unknown, codes: ReadonlySet<string>, copy: number): unknown {
  if (typeof value === 'string') {
    if (codes.has(value)) return copyId(value, copy);
    const slash = value.indexOf('/');
    if (slash > 0 && codes.has(value.slice(0, slash))) return `${copyId(value.slice(0, slash), copy)}${value.slice(slash)}`;
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => renamed(item, codes, copy));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = renamed(item, codes, copy);
    return out;
  }
  return value;
}

/** The copies 2 … n of every import (the originals are copy 1). */
export function replicateImports(imports: readonly SourceImport[], n: number): SourceImport[] {
  const codes = new Set(imports.flatMap((i) => i.codes.map((c) => c.id)));
  const copies: SourceImport[] = [];
  for (let copy = 2; copy <= n; copy++) {
    for (const source of imports) {
      const moved = renamed({ ...source, warnings: [] }, codes, copy) as SourceImport;
      moved.info = { ...moved.info, id: `${source.info.id}-copie-${copy}` };
      moved.codes = moved.codes.map((code, i) => {
        const { legiTextId: _legiTextId, ...rest } = code;
        return { ...rest, title: `${source.codes[i]!.title} (copie ${copy})` };
      });
      copies.push(moved);
    }
  }
  return copies;
}

import { describe, expect, it } from 'vitest';
import type { SourceImport } from '../sources/source-import.ts';
import { SharedTexts } from './shared-texts.ts';

function source(id: string, versions: { paragraphs: string[]; nota?: string[] }[]): SourceImport {
  return {
    info: { id, kind: 'lexlib', path: id, revision: 'r', codes: ['code-x'], date: '2024-01-01' },
    codes: [{ id: 'code-x', title: 'Code X' }],
    articles: [{ code: 'code-x', num: 'L1', versions: versions.map((v, i) => ({ validFrom: `200${i}-01-01`, links: [], ...v })) }],
    warnings: [],
  };
}

describe('SharedTexts', () => {
  it('keeps every text as it was and counts each distinct line once, across versions and imports', () => {
    const first = source('a', [
      { paragraphs: ['Alinéa un.', 'Alinéa deux.'] },
      { paragraphs: ['Alinéa un.', 'Alinéa trois.'], nota: ['Note.'] },
    ]);
    // Built from pieces, as a structured clone gives fresh strings of the same value.
    const second = source('b', [{ paragraphs: [['Alinéa', 'un.'].join(' '), 'Alinéa trois.'], nota: ['No' + 'te.'] }]);
    const before = JSON.stringify([first, second]);
    const shared = new SharedTexts();
    shared.share(first);
    shared.share(second);
    expect(JSON.stringify([first, second])).toBe(before);
    expect(shared.size).toBe(4);
  });

  it('leaves versions without a NOTA without one', () => {
    const only = source('a', [{ paragraphs: ['Seul alinéa.'] }]);
    new SharedTexts().share(only);
    expect(only.articles[0]!.versions[0]).not.toHaveProperty('nota');
  });
});

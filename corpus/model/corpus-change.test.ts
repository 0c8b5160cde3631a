import { describe, expect, it } from 'vitest';
import type { CodeSummary, Manifest } from './bundle.ts';
import { describeCorpusChange, describeCorpusChangeInFrench } from './corpus-change.ts';

type View = Pick<Manifest, 'sources' | 'builtAt' | 'codes' | 'counts' | 'inputHash'>;

function code(id: string, title: string, articleCount: number, versionCount: number, changeDates: string[]): CodeSummary {
  return { id, title, articleCount, versionCount, changeDates, toc: '', catalog: '', changeSets: '' };
}

function manifest(date: string, codes: CodeSummary[], inputHash = date): View {
  return {
    inputHash,
    builtAt: '2026-12-01T10:00:00.000Z',
    sources: [{ id: 'lexlib-css', kind: 'lexlib', path: '', revision: 'r', date, codes: codes.map((c) => c.id) }],
    codes,
    counts: {
      codes: codes.length,
      articles: codes.reduce((n, c) => n + c.articleCount, 0),
      versions: codes.reduce((n, c) => n + c.versionCount, 0),
      references: { total: 0, resolved: 0, inCorpus: 0, resolvedInCorpus: 0 },
      warnings: 0,
      plainTextBytes: 0,
    },
  };
}

const css = 'Code de la sécurité sociale';

describe('what a corpus update changed', () => {
  it('counts versions added per code, new consolidated versions, codes added and the new data date', () => {
    const before = manifest('2024-12-01', [code('css', css, 10, 30, ['2024-11-01', '2024-12-01'])]);
    const after = manifest('2025-03-01', [
      code('css', css, 12, 35, ['2024-11-01', '2024-12-01', '2025-01-01', '2025-03-01']),
      code('mut', 'Code de la mutualité', 5, 5, []),
    ]);
    const change = describeCorpusChange(before, after);
    expect(change).toMatchObject({ dataDateBefore: '2024-12-01', dataDateAfter: '2025-03-01', versionsAdded: 10, identical: false });
    expect(change.codesAdded).toEqual([{ id: 'mut', title: 'Code de la mutualité' }]);
    expect(change.codesChanged).toEqual([
      {
        id: 'css',
        title: css,
        articlesBefore: 10,
        articlesAfter: 12,
        versionsBefore: 30,
        versionsAfter: 35,
        newChangeDates: ['2025-01-01', '2025-03-01'],
      },
    ]);
    expect(describeCorpusChangeInFrench(change)).toBe(
      'Corpus mis à jour : données du 01/03/2025 (au lieu du 01/12/2024) ; 10 versions ajoutées ; codes ajoutés : Code de la mutualité ; ' +
        'Code de la sécurité sociale : +5 versions, +2 articles, 2 versions consolidées nouvelles (jusqu’au 01/03/2025).',
    );
  });

  it('says a code removed and versions fewer when going back', () => {
    const now = manifest('2025-03-01', [code('css', css, 12, 35, []), code('mut', 'Code de la mutualité', 5, 5, [])]);
    const previous = manifest('2024-12-01', [code('css', css, 12, 35, [])]);
    const text = describeCorpusChangeInFrench(describeCorpusChange(now, previous), 'Corpus précédent rétabli');
    expect(text).toBe(
      'Corpus précédent rétabli : données du 01/12/2024 (au lieu du 01/03/2025) ; 5 versions en moins ; codes retirés : Code de la mutualité.',
    );
  });

  it('says when nothing changes (the same build imported again)', () => {
    const same = manifest('2025-03-01', [code('css', css, 1, 1, [])]);
    expect(describeCorpusChange(same, same).identical).toBe(true);
    expect(describeCorpusChangeInFrench(describeCorpusChange(same, same))).toMatch(/déjà celui en usage/);
  });
});

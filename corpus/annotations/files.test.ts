import { describe, expect, it } from 'vitest';
import { editAnnotation, type Annotation } from './annotation.ts';
import { describeMerge, exportAnnotationsFile, mergeAnnotations, parseAnnotationsFile } from './files.ts';
import { renameRole, DEFAULT_PALETTE } from './roles.ts';
import { articleNote, passage, version } from './test-support.ts';

const v = version('2000-01-01', ['La cotisation est due à raison de la livraison de boissons d’une teneur supérieure à 25 % vol.']);
const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const a = passage(v, '25 %', { id: 'a', note: 'Taux à vérifier <script>x</script>', now: at(1) });
const b = passage(v, 'La cotisation', { id: 'b', tags: ['visite'], now: at(2) });
const c = { ...articleNote(v, 'Note 😀 مرحبا'), id: 'c' };

describe('the annotations file', () => {
  it('round-trips every annotation, with the palette and the schema version', () => {
    const palette = renameRole(DEFAULT_PALETTE, 'sanction', 'pénalité');
    const text = exportAnnotationsFile([a, b, c], { palette, now: at(10) });
    const read = parseAnnotationsFile(text);
    expect(read).toEqual({
      ok: true,
      value: { format: 'palimpseste-annotations', schemaVersion: 1, exportedAt: at(10).toISOString(), palette, annotations: [a, b, c] },
    });
    // One annotation per line.
    expect(text.split('\n').filter((line) => line.startsWith('  {"id"'))).toHaveLength(3);
    expect(parseAnnotationsFile(exportAnnotationsFile([]))).toMatchObject({ ok: true, value: { annotations: [] } });
    // A byte-order mark (a file saved by an editor) is no reason to refuse it.
    expect(parseAnnotationsFile(`\ufeff${text}`).ok).toBe(true);
  });

  it('refuses a damaged file, saying where', () => {
    const text = exportAnnotationsFile([a, b]);
    const truncated = parseAnnotationsFile(text.slice(0, text.length - 40));
    expect(truncated).toMatchObject({ ok: false, error: { code: 'not-json' } });
    if (truncated.ok) throw new Error('refused expected');
    expect(truncated.error.message).toMatch(/^Ce fichier n’est pas un fichier JSON valide \(ligne \d+, colonne \d+\)/);
  });

  it('refuses a foreign file, another schema, and an invalid annotation naming it and its field', () => {
    expect(parseAnnotationsFile('{"trails": []}')).toMatchObject({ ok: false, error: { code: 'foreign' } });
    expect(parseAnnotationsFile('[1, 2]')).toMatchObject({ ok: false, error: { code: 'foreign' } });
    const newer = JSON.stringify({ format: 'palimpseste-annotations', schemaVersion: 7, annotations: [] });
    expect(parseAnnotationsFile(newer)).toMatchObject({
      ok: false,
      error: { code: 'newer-schema', message: expect.stringContaining('schéma 7') },
    });
    expect(parseAnnotationsFile(JSON.stringify({ format: 'palimpseste-annotations', schemaVersion: '1' }))).toMatchObject({
      ok: false,
      error: { code: 'unknown-schema' },
    });
    const file = JSON.parse(exportAnnotationsFile([a, b])) as { annotations: Annotation[] };
    (file.annotations[1]!.target as { quote: { exact: string } }).quote.exact = '';
    const invalid = parseAnnotationsFile(JSON.stringify(file));
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (invalid.ok) throw new Error('refused expected');
    expect(invalid.error.message).toContain('l’annotation n° 2 (id b) est invalide, champ « target.quote.exact »');
    expect(invalid.error.message).toContain('Aucune annotation n’a été importée.');
  });
});

describe('mergeAnnotations', () => {
  it('adds the new ones, takes later edits, keeps later local edits, never duplicates', () => {
    const bEditedThere = editAnnotation(b, { note: 'modifiée ailleurs' }, at(5));
    const aEditedHere = editAnnotation(a, { note: 'modifiée ici' }, at(6));
    const aOlderThere = editAnnotation(a, { note: 'ancienne' }, at(3));
    const copyOfC = { ...c, id: 'c-copy' }; // the same note, re-imported under another id
    const d = passage(v, 'boissons', { id: 'd', now: at(7) });
    const report = mergeAnnotations([aEditedHere, b, c], [aOlderThere, bEditedThere, copyOfC, d, d]);
    expect(report.annotations).toEqual([aEditedHere, bEditedThere, c, d]);
    expect(report).toMatchObject({ added: 1, updated: 1, unchanged: 2, keptLocal: 1 });
    expect(describeMerge(report)).toBe(
      '1 annotation ajoutée, 1 mise à jour, 2 déjà présentes, 1 gardée telle qu’elle est ici (modifiée plus récemment).',
    );
  });

  it('importing the same file twice changes nothing the second time', () => {
    const once = mergeAnnotations([], [a, b, c]);
    const twice = mergeAnnotations(once.annotations, [a, b, c]);
    expect(twice.annotations).toEqual([a, b, c]);
    expect(twice).toMatchObject({ added: 0, unchanged: 3 });
  });
});

/**
 * One copy of each paragraph across the imports. The sources repeat the same texts (lexlib, LexHub
 * and legi-data give the same wording of an article, each version of a history repeats the
 * paragraphs the change left alone), and an import that comes back from a worker thread is a
 * structured clone, every string a copy of its own: the imports of the default corpus held
 * each paragraph several times over until the merge. Equal strings are interchangeable, so the
 * merge, and the bundle, are the same.
 */
import type { SourceImport } from '../sources/source-import.ts';

export class SharedTexts {
  private readonly pool = new Map<string, string>();

  /** Replaces, in place, every paragraph and NOTA line of the import by the pool's copy. */
  share(source: SourceImport): void {
    for (const article of source.articles) {
      for (const version of article.versions) {
        this.shareAll(version.paragraphs);
        if (version.nota) this.shareAll(version.nota);
      }
    }
  }

  private shareAll(lines: string[]): void {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const known = this.pool.get(line);
      if (known === undefined) this.pool.set(line, line);
      else lines[i] = known;
    }
  }

  /** Lets the pool go (the imports keep their lines). */
  clear(): void {
    this.pool.clear();
  }

  /** Distinct lines seen. */
  get size(): number {
    return this.pool.size;
  }
}

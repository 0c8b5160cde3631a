/**
 * The report of the references that found no article (`unresolved-references.tsv` in the bundle):
 * one line per reference, sorted by reason, code and number, so that a reader checking the
 * resolver sees the misses of one kind together.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { UnresolvedReference } from './resolve-references.ts';

const COLUMNS = ['reason', 'code', 'num', 'article', 'validFrom', 'context', 'note'] as const;

/** A TSV cell: tabs and line breaks would break the columns. */
function cell(value: string | undefined): string {
  return (value ?? '').replace(/[\t\r\n]+/g, ' ');
}

/** The report's text: a header line, then one line per reference. */
export function formatUnresolvedReport(unresolved: readonly UnresolvedReference[]): string {
  const rows = [...unresolved].sort(
    (a, b) =>
      a.reason.localeCompare(b.reason) ||
      (a.code ?? '').localeCompare(b.code ?? '') ||
      a.num.localeCompare(b.num) ||
      a.article.localeCompare(b.article) ||
      a.validFrom.localeCompare(b.validFrom),
  );
  const lines = [COLUMNS.join('\t'), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join('\t'))];
  return lines.join('\n') + '\n';
}

/** Writes the report to `file` (its folder is created when missing). */
export function writeUnresolvedReport(file: string, unresolved: readonly UnresolvedReference[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, formatUnresolvedReport(unresolved), 'utf8');
}

import type { CompileSummary } from '../compile.ts';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} Mo`;
}

/** The final summary of a build, as printed by `npm run corpus`. */
export function formatSummary(summary: CompileSummary, outDir: string, peakRssBytes?: number): string {
  const { manifest } = summary;
  const refs = manifest.counts.references;
  const share = refs.inCorpus ? ((100 * refs.resolvedInCorpus) / refs.inCorpus).toFixed(1) : '—';
  const lines = [
    '',
    summary.reused ? `Corpus à jour (réutilisé) : ${outDir}` : `Corpus écrit : ${outDir}`,
    `  codes        ${manifest.counts.codes}  (${manifest.codes.map((c) => `${c.title} : ${c.articleCount} articles`).join(' ; ')})`,
    `  articles     ${manifest.counts.articles}`,
    `  versions     ${manifest.counts.versions}`,
    `  renvois      ${refs.total} trouvés, ${refs.resolved} résolus ; ${refs.resolvedInCorpus}/${refs.inCorpus} (${share} %) de ceux dont le code est dans le corpus` +
      (refs.total - refs.resolved ? ` ; non résolus : unresolved-references.tsv` : ''),
    `  avertissements ${manifest.counts.warnings}`,
    `  durée        ${summary.seconds.toFixed(1)} s`,
  ];
  // The compiler's peak resident memory (the whole process: every stage, every worker thread).
  if (peakRssBytes !== undefined) lines.push(`  mémoire max  ${megabytes(peakRssBytes)} (RSS du compilateur, fils d’import compris)`);
  if (summary.workerPeaks.length)
    lines.push(`  fils d’import ${summary.workerPeaks.map((w) => `${w.label} ${megabytes(w.bytes)}`).join(' ; ')} (tas max de chacun)`);
  if (!summary.reused)
    lines.push(
      `  taille       ${megabytes(summary.bundleBytes)} (texte brut de toutes les versions : ${megabytes(manifest.counts.plainTextBytes)})`,
    );
  if (summary.failedSources.length) lines.push(`  sources en échec : ${summary.failedSources.join(', ')}`);
  return lines.join('\n');
}

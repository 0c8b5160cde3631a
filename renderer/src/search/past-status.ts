/**
 * What the search says while the past versions are not searched yet: loading (« complétés dans un
 * instant »), or, when they could not be loaded, that only today's law was searched and why.
 * Shared by the search box and the results page.
 */
export function pastStatus(pastFailure: string | undefined): string {
  if (pastFailure)
    return `Les versions anciennes n’ont pas pu être chargées (${pastFailure}) : seul le droit en vigueur aujourd’hui a été cherché.`;
  return 'Chargement des versions anciennes : résultats partiels, complétés dans un instant.';
}

/** The legend of the comparison views: what the marks mean, in words as well as in colour. */
export function Legend() {
  return (
    <p className="diff-legend" aria-label="Légende">
      <span>
        <del className="change">texte supprimé</del> barré, entre [−&nbsp;]
      </span>
      <span>
        <ins className="change">texte ajouté</ins> souligné, entre [+&nbsp;]
      </span>
      <span>
        <span className="legend-gap" aria-hidden="true" /> paragraphe absent de cette version
      </span>
      <span>
        Touches <kbd>n</kbd> / <kbd>p</kbd> : modification suivante / précédente
      </span>
    </p>
  );
}

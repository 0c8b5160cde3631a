/**
 * Annotations of Palimpseste: the pure core (runs in the renderer, its Web Worker, the host and the
 * tests alike; no platform imports). The storage (host), the UI and the PDF export build on this.
 *
 * ## The model (`annotation.ts`, `roles.ts`, `annotation-schema.ts`)
 * An `Annotation` is either a highlighted passage (`target.kind === 'passage'`) or a note on the
 * whole article (`target.kind === 'article'`). It records the article (`article.id`, `code`, `num`),
 * the version it was made on (`version.validFrom`, `version.legiVersionId` when known), a colour
 * (`role`: one of `ROLE_IDS`; required on passages), free `tags`, a plain-text `note`, `createdAt`
 * and `updatedAt`. A passage keeps W3C selectors of the words as made — TextQuoteSelector (exact,
 * prefix, suffix, cut at word boundaries) and TextPositionSelector — and the paragraphs it spans.
 * Those are never rewritten; editing (`editAnnotation`) changes only note, tags and role.
 * `annotationSchema` (zod, in `annotation-schema.ts`, which the reader does not load) validates one
 * annotation; `ANNOTATION_SCHEMA_VERSION` is its version.
 *
 * Colours: `ROLE_STYLES[role]` gives the colour, a light tint, a print pattern (`underline-solid`,
 * `underline-wavy`, `underline-double`, `underline-dashed`, `box`, `underline-dotted`: all six
 * distinct, for black-and-white printing and colour-blind readers) and a letter (« C », « E »…) to
 * print beside note numbers. The user renames roles in a `RolePalette` (`renameRole`, refused with a
 * `RoleLabelError` on a clash); `roleLabel(palette, role)` is what to show.
 *
 * ## Making an annotation (`article-text.ts`)
 * The text a version offers to selectors is `new ArticleText(version.paragraphs)`: the paragraphs
 * joined with "\n". The reader turns a DOM selection into two `ParagraphPoint`s ({ paragraph,
 * offset }, offsets in that paragraph's plain text, UTF-16 units as DOM ranges count: a selection
 * inside or across a reference link is just characters of its paragraph), then:
 *
 *   const text = cache.text(version);          // or new ArticleText(version.paragraphs)
 *   const a = createPassageAnnotation({ article: { id, code, num }, version, text, start, end, role, note, tags });
 *   const n = createArticleNote({ article, version, note });
 *
 * A selection in the NOTA: the same with `text = cache.text(version, 'nota')` and `part: 'nota'`
 * (its points are in `version.nota`'s paragraphs; the anchor's `range.part` says which text its
 * `pieces` are in). The selection is widened to whole words; one holding no word throws `AnnotationInputError`
 * (French message: show it). Too long a note (over `NOTE_MAX_LENGTH`) or tag also throws it.
 * A selection in the links panel is not in `paragraphs`: the UI says it cannot be annotated.
 *
 * ## Showing annotations on a version (`anchor.ts`)
 *   const cache = new AnchorCache();           // one per article shown; reuse across versions
 *   const anchors = anchorAnnotations(annotationsOfArticle, article, shownVersion, cache);
 *   const anchor = anchors.get(a.id);
 *
 * `anchor.status` is `attached` (« attachée »: the same words), `changed` (« texte modifié depuis
 * l'annotation »: `anchor.oldQuote` to show beside the new words, `anchor.kept` the share kept) or
 * `orphan` (« orpheline »: `anchor.reason` is `words-removed`, `source-version-missing` or
 * `text-unavailable`; show it in the lists, and open it at the version it was made on:
 * `article.versions[sourceVersionIndex(article.versions, a.version)]`). `STATUS_LABELS` has the
 * French names. A placed anchor has `range`:
 * `{ start, end }` in the shown version's text, `pieces` ({ paragraph, start, end } per paragraph,
 * offsets in each paragraph's text: wrap those characters to highlight them) and `text`.
 * `anchor.method` says how it was placed: `same-version`, `diff` (through the word diff between the
 * two versions: the same runs as the side-by-side view and the redline, so the highlight sits on
 * the same side and words as the comparison) or `quote` (found by its quote and context after its
 * paragraph moved or its version left the corpus). On both sides of a comparison, anchor each side
 * on its own version. A whole-article note is always `{ status: 'attached', target: 'article' }`.
 *
 * ## The list of all annotations (`search.ts`)
 *   const index = new AnnotationIndex(all, { palette, statuses }); // statuses: Map id → AnchorStatus on today's version
 *   index.search({ text: 'cotisations "premier alinéa" -urssaf', codes, roles, tags, statuses: ['orphan'], sort: 'article', offset, limit });
 *
 * Same French analysis and query language as the corpus search; `hits[i].highlights` gives
 * { field: 'note' | 'quote', start, end } to highlight. `index.tags()` lists tags for the filter;
 * `annotationCounts(all)` gives the count per article for the mark in the table of contents and in
 * search results. After an edit: `index.upsert(annotation, status)`, `index.remove(id)`,
 * `index.setStatus(id, status)` keep it current without a rebuild (building 10,000 annotations with
 * their notes costs about a second of CPU; a search a few milliseconds).
 *
 * ## Files (`files.ts`, `markdown.ts`)
 * `exportAnnotationsFile(all, { palette })` → the JSON text of the export; `parseAnnotationsFile(text)`
 * → `{ ok: true, value }` or `{ ok: false, error: { code, message } }` (French message, nothing
 * imported); `mergeAnnotations(existing, file.annotations)` → the merged list and what happened
 * (`describeMerge(report)` says it in French). `articleAnnotationsToMarkdown({ article: { num,
 * codeTitle }, version, annotations, anchors, palette })` → Markdown of one article's annotations,
 * the user's text escaped (HTML and Markdown in notes stay text).
 *
 * ## After a corpus update (`review.ts`)
 * `reviewAfterUpdate({ annotations, before: id => oldArticle, after: id => newArticle, today,
 * undatedEndsOn: corpusDataDate(newManifest) })` →
 * `groups` (« 12 annotations concernées par le décret n° … du … », each entry with its `anchor` on
 * the new version in force) and `missingArticles` (articles gone from the corpus; keep their
 * annotations).
 */
export * from './annotation.ts';
export * from './anchor.ts';
export * from './article-text.ts';
export * from './files.ts';
export * from './markdown.ts';
export * from './quote-match.ts';
export * from './range-mapping.ts';
export * from './review.ts';
export * from './roles.ts';
export * from './search.ts';
export * from './source-version.ts';

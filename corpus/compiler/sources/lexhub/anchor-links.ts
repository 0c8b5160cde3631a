/**
 * The anchors of a LexHub body as `cites` links. A titled anchor carries LEGI's own entry
 * (`Code de la sécurité sociale. - art. L160-1 (V)`): text, article and status come from it. An
 * untitled anchor is kept only when its target is a code article we can name: a LexHub path
 * (`/code-des-assurances/…/l113-3.md`) or a Légifrance URL with a `LEGITEXT` id; links to laws
 * and decrees without a title are left to the reference finder, which reads them in the text.
 */
import type { Link } from '../../../model/model.ts';
import { normalizeArticleNumber } from '../../../text/article-number.ts';
import { knownCodeByLegiTextId, knownCodeByLexhubSlug } from '../common/known-codes.ts';
import type { HtmlAnchor } from '../common/html-text.ts';
import { parseLinkTitle } from '../common/link-title.ts';

export function linkFromAnchor(anchor: HtmlAnchor): Link | undefined {
  if (anchor.title !== undefined && anchor.title.trim()) {
    const label = anchor.title.replace(/\s+/g, ' ').trim();
    const parsed = parseLinkTitle(label);
    if (!parsed.text) return undefined;
    return { kind: 'cites', label, ...parsed, origin: 'list' };
  }
  const lexhubPath = /^\/([a-z0-9-]+)\/(?:[^?#]*\/)?([^/?#]+)\.md$/.exec(anchor.href);
  if (lexhubPath) {
    const code = knownCodeByLexhubSlug(lexhubPath[1]!);
    const articleNum = normalizeArticleNumber(lexhubPath[2]!);
    if (!code || !articleNum) return undefined;
    return untitled(code.title, articleNum);
  }
  const legiText = /cidTexte=(LEGITEXT\d{12})/.exec(anchor.href);
  if (legiText) {
    const code = knownCodeByLegiTextId(legiText[1]!);
    const articleNum = normalizeArticleNumber(anchor.text);
    if (!code || !articleNum) return undefined;
    return untitled(code.title, articleNum);
  }
  return undefined;
}

function untitled(text: string, articleNum: string): Link {
  return { kind: 'cites', label: `${text} - art. ${articleNum}`, text, articleNum, status: '', origin: 'list' };
}

/** One link per distinct entry, in order of first appearance. */
export function linksFromAnchors(anchors: readonly HtmlAnchor[]): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  for (const anchor of anchors) {
    const link = linkFromAnchor(anchor);
    if (!link || seen.has(link.label)) continue;
    seen.add(link.label);
    links.push(link);
  }
  return links;
}

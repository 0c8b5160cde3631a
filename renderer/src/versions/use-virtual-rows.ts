/**
 * A virtualised list of rows of very different heights (paragraphs of a few words to several
 * thousand characters): only the rows near the viewport are in the DOM, so the longest article of
 * the corpus (« Annexe (3) à l'art. A931-11-11 », some 48,000 characters) costs no more to paint than
 * a short one. The list scrolls with the page around it (the article pane), not in a box of its
 * own: the article's header scrolls away and the comparison gets the whole height. Heights are
 * estimated from the text length, then measured.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useState, type RefObject } from 'react';

/** The nearest ancestor that scrolls vertically (the article pane), else the document. */
function scrollParent(element: HTMLElement | null): HTMLElement | null {
  for (let node = element?.parentElement ?? null; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return document.scrollingElement instanceof HTMLElement ? document.scrollingElement : null;
}

export function useVirtualRows(
  listRef: RefObject<HTMLElement | null>,
  count: number,
  charsOf: (index: number) => number,
  charsPerLine: number,
) {
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  // Where the list starts inside the scrolled content: the virtualiser counts from there.
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    const parent = scrollParent(list);
    setScroller(parent);
    if (!list || !parent) return;
    const measure = () => setMargin(Math.round(list.getBoundingClientRect().top - parent.getBoundingClientRect().top + parent.scrollTop));
    measure();
    // The content above the list (header, toolbar wrapping on a narrow window) can change height.
    const observer = new ResizeObserver(measure);
    for (const child of Array.from(parent.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [listRef]);
  return useVirtualizer({
    count,
    getScrollElement: () => scroller,
    // About 1.6em per line and a paragraph margin; the measure corrects it once rendered.
    estimateSize: (index) => Math.max(1, Math.ceil(charsOf(index) / charsPerLine)) * 27 + 14,
    overscan: 6,
    scrollMargin: margin,
  });
}

/**
 * A virtualised list of rows of very different heights (paragraphs of a few words to several
 * thousand characters) inside a scroll container: only the rows near the viewport are in the DOM,
 * so the longest article of the corpus (« Annexe (3) à l'art. A931-11-11 », some 48,000 characters)
 * costs no more to paint than a short one. Heights are estimated from the text length, then measured.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

export function useVirtualRows(scrollRef: RefObject<HTMLElement | null>, count: number, charsOf: (index: number) => number, charsPerLine: number) {
  return useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    // About 1.6em per line and a paragraph margin; the measure corrects it once rendered.
    estimateSize: (index) => Math.max(1, Math.ceil(charsOf(index) / charsPerLine)) * 27 + 14,
    overscan: 6,
  });
}

/**
 * Brings a change stop on screen once the virtualised list has rendered its row: the list first
 * scrolls to the row (it may not be in the DOM yet), then the stop's first mark is scrolled into
 * view — centred when it is a few words, its top under the sticky toolbar when it is whole
 * paragraphs (CSS `scroll-margin-top` keeps it clear of the toolbar).
 */
export function revealStop(container: HTMLElement | null, stop: number, scrollToRow: () => void, wholeParagraphs: boolean): void {
  scrollToRow();
  let frames = 0;
  const tryReveal = () => {
    const mark = container?.querySelector<HTMLElement>(`[data-change="${stop}"]`);
    if (mark) mark.scrollIntoView({ block: wholeParagraphs ? 'start' : 'center' });
    else if (frames++ < 10) requestAnimationFrame(tryReveal);
  };
  requestAnimationFrame(tryReveal);
}

/**
 * Shortcuts that work anywhere in the window: Ctrl/Cmd+K and `/` focus the search box; Alt+←/→
 * and the mouse's back/forward buttons move along the link trail (not the browser history); `?`
 * and F1 open the help (shortcuts and a short guide) — F1 even while typing, as in desktop apps.
 * Also a guard on links: only the app's own `#/…` locations are followed; any other `href`
 * (`javascript:`, `file:`, `data:`, `https:`…) that found its way into the page does nothing.
 */

export interface ShortcutActions {
  focusSearch: () => void;
  back: () => void;
  forward: () => void;
  help: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Whether an `href` is one of the app's own locations. */
export function isAppHref(href: string | null): boolean {
  return href !== null && href.startsWith('#');
}

/** Mouse buttons 3 and 4 (`MouseEvent.button`) are « back » and « forward ». */
const BACK_BUTTON = 3;
const FORWARD_BUTTON = 4;

export function installGlobalShortcuts(actions: ShortcutActions): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      actions.focusSearch();
    } else if (event.key === 'F1' || (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target))) {
      event.preventDefault();
      actions.help();
    } else if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)) {
      event.preventDefault();
      actions.focusSearch();
    } else if (event.altKey && !event.ctrlKey && !event.metaKey && event.key === 'ArrowLeft' && !isTyping(event.target)) {
      event.preventDefault();
      actions.back();
    } else if (event.altKey && !event.ctrlKey && !event.metaKey && event.key === 'ArrowRight' && !isTyping(event.target)) {
      event.preventDefault();
      actions.forward();
    }
  };
  // Chromium navigates its own history on mouse up of these buttons unless the event is cancelled.
  const onMouse = (event: MouseEvent) => {
    if (event.button !== BACK_BUTTON && event.button !== FORWARD_BUTTON) return;
    event.preventDefault();
    if (event.type !== 'mouseup') return;
    if (event.button === BACK_BUTTON) actions.back();
    else actions.forward();
  };
  const onClick = (event: MouseEvent) => {
    const anchor = event.target instanceof Element ? event.target.closest('a') : null;
    if (anchor && !isAppHref(anchor.getAttribute('href'))) event.preventDefault();
  };
  window.addEventListener('keydown', onKeyDown);
  window.addEventListener('mousedown', onMouse);
  window.addEventListener('mouseup', onMouse);
  document.addEventListener('click', onClick, true);
  document.addEventListener('auxclick', onClick, true);
  return () => {
    window.removeEventListener('keydown', onKeyDown);
    window.removeEventListener('mousedown', onMouse);
    window.removeEventListener('mouseup', onMouse);
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('auxclick', onClick, true);
  };
}

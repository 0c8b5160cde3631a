/**
 * Desktop deep links: `palimpseste://code-de-la-securite-sociale/L611-3@2006-01-28` opened from
 * another application becomes the in-app location `#/code-de-la-securite-sociale/L611-3@2006-01-28`
 * (the renderer's routes, `renderer/src/reader/route.ts`). `palimpseste://app/…` is the app's own
 * origin, never a deep link. A malformed link still becomes a location: the renderer then says in
 * French what is wrong with it, which is better than silently ignoring the user's click.
 */
export const APP_SCHEME = 'palimpseste';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page every window loads. */
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Longer than any code id, article number and date together: anything beyond is not a link of ours. */
const MAX_DEEP_LINK = 1000;

/** The `#/…` location of a deep link, or undefined when the text is not a deep link at all. */
export function deepLinkToLocation(url: string): string | undefined {
  const prefix = `${APP_SCHEME}://`;
  if (url.length > MAX_DEEP_LINK || url.slice(0, prefix.length).toLowerCase() !== prefix) return undefined;
  const rest = url.slice(prefix.length);
  if (rest === APP_HOST || rest.toLowerCase().startsWith(`${APP_HOST}/`)) return undefined;
  // Control characters never belong in a location; `#`, `?` and spaces are kept encoded.
  const cleaned = rest
    .replace(/\p{Cc}/gu, '')
    .replace(/^\/+/, '')
    .replace(/#/g, '%23')
    .replace(/\?/g, '%3F')
    .replace(/ /g, '%20');
  return `#/${cleaned}`;
}

/** The first deep link among command-line arguments (Windows and Linux pass it there). */
export function deepLinkFromArgv(argv: readonly string[]): string | undefined {
  for (const arg of argv) {
    const location = deepLinkToLocation(arg);
    if (location !== undefined) return location;
  }
  return undefined;
}

/** The URL a window loads to show a location (`#/…`), or the app's home. */
export function appUrl(location?: string): string {
  if (!location) return APP_ENTRY;
  return `${APP_ENTRY}${location.startsWith('#') ? location : `#${location}`}`;
}

/** The deep link of an in-app location (`#/code/L611-3@2006-01-28` → `palimpseste://code/L611-3@2006-01-28`): « Copier le lien ». */
export function locationToDeepLink(location: string): string {
  return `${APP_SCHEME}://${location.replace(/^#?\/*/, '')}`;
}

/**
 * The first segment of an in-app location (`#/code-de-la-securite-sociale/L611-3@2006-01-28` →
 * `code-de-la-securite-sociale`): the code the reader opens on, whose catalog the host reads first.
 * Whether it is a code at all is for the caller to check against the corpus.
 */
export function locationFirstSegment(location: string | undefined): string | undefined {
  const segment = /^#?\/*([^/@?#]+)/.exec(location ?? '')?.[1];
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

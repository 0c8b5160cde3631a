import { describe, expect, it } from 'vitest';
import { appUrl, deepLinkFromArgv, deepLinkToLocation, locationFirstSegment, locationToDeepLink } from './deep-link.ts';

describe('deepLinkToLocation', () => {
  it('turns a deep link into the renderer location of the article at its date', () => {
    expect(deepLinkToLocation('palimpseste://code-de-la-securite-sociale/L611-3@2006-01-28')).toBe(
      '#/code-de-la-securite-sociale/L611-3@2006-01-28',
    );
    expect(deepLinkToLocation('palimpseste://code-de-la-mutualite/L111-1')).toBe('#/code-de-la-mutualite/L111-1');
    expect(deepLinkToLocation('PALIMPSESTE://code-de-la-mutualite')).toBe('#/code-de-la-mutualite');
  });

  it('keeps a broken link as a location for the renderer to explain, without control characters', () => {
    expect(deepLinkToLocation('palimpseste://code-de-la-securite-sociale/L611-3@hier')).toBe('#/code-de-la-securite-sociale/L611-3@hier');
    expect(deepLinkToLocation('palimpseste://a/b\u0000\n#x?y z')).toBe('#/a/b%23x%3Fy%20z');
  });

  it('is not fooled by the app origin, other schemes or oversized text', () => {
    expect(deepLinkToLocation('palimpseste://app/index.html')).toBeUndefined();
    expect(deepLinkToLocation('palimpseste://app')).toBeUndefined();
    expect(deepLinkToLocation('https://palimpseste.example/x')).toBeUndefined();
    expect(deepLinkToLocation('--enable-logging')).toBeUndefined();
    expect(deepLinkToLocation(`palimpseste://${'x'.repeat(2000)}`)).toBeUndefined();
  });

  it('finds the link among command-line arguments', () => {
    expect(
      deepLinkFromArgv(['/opt/Palimpseste/palimpseste', '--no-sandbox', 'palimpseste://code-de-la-securite-sociale/L611-3@2006-01-28']),
    ).toBe('#/code-de-la-securite-sociale/L611-3@2006-01-28');
    expect(deepLinkFromArgv(['/opt/Palimpseste/palimpseste', '.'])).toBeUndefined();
  });

  it('builds the URL a window loads', () => {
    expect(appUrl()).toBe('palimpseste://app/index.html');
    expect(appUrl('#/code-de-la-mutualite/L111-1')).toBe('palimpseste://app/index.html#/code-de-la-mutualite/L111-1');
    expect(appUrl('/code-de-la-mutualite')).toBe('palimpseste://app/index.html#/code-de-la-mutualite');
  });
});

describe('locationToDeepLink', () => {
  it('writes the deep link of a location, which reads back as the same location', () => {
    const location = '#/code-de-la-securite-sociale/L611-3@2005-12-09';
    expect(locationToDeepLink(location)).toBe('palimpseste://code-de-la-securite-sociale/L611-3@2005-12-09');
    expect(deepLinkToLocation(locationToDeepLink(location))).toBe(location);
  });
});

describe('locationFirstSegment', () => {
  it('names the code a location opens on, whatever follows it', () => {
    expect(locationFirstSegment('#/code-de-la-securite-sociale/L611-3@2006-01-28')).toBe('code-de-la-securite-sociale');
    expect(locationFirstSegment('/code-du-travail')).toBe('code-du-travail');
    expect(locationFirstSegment('#/code-rural-et-de-la-peche-maritime@2000-01-01')).toBe('code-rural-et-de-la-peche-maritime');
    expect(locationFirstSegment('#/')).toBeUndefined();
    expect(locationFirstSegment(undefined)).toBeUndefined();
    expect(locationFirstSegment('#/%E2%82')).toBe('%E2%82');
  });
});

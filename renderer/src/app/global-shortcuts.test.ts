import { describe, expect, it } from 'vitest';
import { isAppHref } from './global-shortcuts.ts';

describe('link guard', () => {
  it('follows only the app’s own locations', () => {
    expect(isAppHref('#/code-de-la-securite-sociale/L611-3@2006-01-28')).toBe(true);
    for (const href of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'https://www.legifrance.gouv.fr/',
      '//example.org',
      '/api/getArticle',
      null,
    ]) {
      expect(isAppHref(href)).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { statusLabel } from './status-label.ts';

describe('statusLabel', () => {
  it('labels statuses in French', () => {
    expect(statusLabel('ABROGE')).toBe('Abrogé');
    expect(statusLabel('VIGUEUR')).toBe('En vigueur');
    expect(statusLabel('VIGUEUR_DIFF')).toBe('En vigueur différée');
  });
});

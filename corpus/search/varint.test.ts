import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeVarints, encodeVarint } from './varint.ts';

describe('varints', () => {
  it('decode what they encode, any sequence of non-negative integers', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: Number.MAX_SAFE_INTEGER })), (values) => {
        expect(decodeVarints(values.map(encodeVarint).join(''))).toEqual(values);
      }),
    );
  });

  it('write small numbers in one JSON-safe character', () => {
    expect(encodeVarint(0)).toBe('A');
    expect(encodeVarint(31)).toBe('f');
    expect(encodeVarint(32)).toBe('gB');
    expect(JSON.stringify(Array.from({ length: 5000 }, (_, i) => encodeVarint(i * 7919)).join(''))).not.toMatch(/\\/);
  });

  it('refuse what they cannot encode or decode', () => {
    expect(() => encodeVarint(-1)).toThrow(RangeError);
    expect(() => encodeVarint(1.5)).toThrow(RangeError);
    expect(() => decodeVarints('A!')).toThrow(/unexpected character "!" at 1/);
    expect(() => decodeVarints('Ag')).toThrow(/truncated/);
  });
});

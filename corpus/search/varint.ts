/**
 * Non-negative integers written as JSON-safe text, 5 bits per character, small numbers in one
 * character: the postings of the index are strings of these, decoded only when a term is searched.
 * (A JSON array of numbers costs more to parse than the whole index is used per query.)
 */

const TERMINAL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef';
const CONTINUATION = 'ghijklmnopqrstuvwxyz0123456789-_';

/** Char code → digit value (0-31), +32 for a continuation character; -1 for any other character. */
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < 32; i++) {
  DIGIT[TERMINAL.charCodeAt(i)] = i;
  DIGIT[CONTINUATION.charCodeAt(i)] = 32 + i;
}

export function encodeVarint(value: number): string {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`varint: ${value} is not a non-negative integer`);
  let out = '';
  let rest = value;
  while (rest >= 32) {
    out += CONTINUATION[rest % 32];
    rest = Math.floor(rest / 32);
  }
  return out + TERMINAL[rest];
}

/** Decodes a whole string of varints. */
export function decodeVarints(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let scale = 1;
  for (let i = 0; i < text.length; i++) {
    const digit = DIGIT[text.charCodeAt(i)] ?? -1;
    if (digit < 0) throw new SyntaxError(`varint: unexpected character ${JSON.stringify(text[i])} at ${i}`);
    if (digit >= 32) {
      value += (digit - 32) * scale;
      scale *= 32;
    } else {
      values.push(value + digit * scale);
      value = 0;
      scale = 1;
    }
  }
  if (scale !== 1) throw new SyntaxError('varint: truncated value at the end');
  return values;
}

/**
 * A zod schema turned into a check that reads JSON's UTF-8 bytes as they are, without decoding them
 * to a string, parsing them to objects or letting zod build its copy of them: the host's check of
 * each article it serves (`articleSchema`), whose bytes it then sends as they are.
 *
 * Why: decoding, `JSON.parse` and zod were half the corpus store's CPU time for an article read.
 * For the 2,000 random articles of a burst (13.5 MB), in a fresh process: 664 ms the first time,
 * 136 ms at best (of 15 rounds); this check, 107 ms the first time, 50 ms at best. In the web host,
 * a burst of 2,000 reads went from 1,840–1,970 ms of CPU to 1,470–1,540 ms (3 runs each, load ≈ 3).
 *
 * One way only: `true` proves that `JSON.parse` reads the bytes and that the schema accepts what it
 * reads; `false` proves nothing. Whatever is unusual (an escape in a key, an enum or a checked
 * string, a number that is not a plain integer, a key given twice, nesting deeper than
 * `MAX_DEPTH`) answers `false`, and the caller then runs `JSON.parse` and zod, whose French message
 * names the field. The schema stays the one statement of the shape: a kind of schema or check not
 * supported below makes `compileJsonBytesCheck` answer `undefined` (the caller then always uses
 * zod), never a check that is looser than zod.
 */
import type { z } from 'zod';

/** Position after the value just read, or `FAIL`. */
type ValueCheck = (bytes: Uint8Array, at: number) => number;

const FAIL = -1;
const MAX_DEPTH = 512;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

/** Nesting of the value being read, against stack exhaustion on hostile input. */
let depth = 0;
/** Where `readPlainString` stopped (after the closing quote), or `FAIL`. */
let stringEnd = FAIL;

class Unsupported extends Error {}

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipSpace(bytes: Uint8Array, at: number): number {
  // The compiler writes no spaces: one comparison for the byte that is there.
  if (bytes[at]! > 0x20) return at;
  while (isSpace(bytes[at])) at++;
  return at;
}

function isHex(c: number | undefined): boolean {
  return c !== undefined && ((c >= ZERO && c <= NINE) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));
}

/**
 * From the byte after an opening quote: the position after the closing quote, or `FAIL` when this
 * is not a JSON string (a raw control character, an unknown escape, no end). Bytes of 0x80 and
 * above are taken as they are: `JSON.parse` reads whatever the UTF-8 decoder makes of them.
 */
function skipString(bytes: Uint8Array, at: number): number {
  const length = bytes.length;
  while (at < length) {
    const c = bytes[at]!;
    // Most bytes are letters or the bytes of accented ones: one comparison.
    if (c > BACKSLASH) {
      at++;
      continue;
    }
    if (c === QUOTE) return at + 1;
    if (c < 0x20) return FAIL;
    if (c === BACKSLASH) {
      const e = bytes[at + 1];
      if (e === 0x75) {
        if (!(isHex(bytes[at + 2]) && isHex(bytes[at + 3]) && isHex(bytes[at + 4]) && isHex(bytes[at + 5]))) return FAIL;
        at += 6;
        continue;
      }
      // " \ / b f n r t
      if (e !== QUOTE && e !== BACKSLASH && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) return FAIL;
      at += 2;
      continue;
    }
    at++;
  }
  return FAIL;
}

/**
 * A string of printable ASCII without escapes (keys, enum values, dates), from its opening quote:
 * its text, with `stringEnd` after its closing quote. Any other string: `undefined`.
 */
function readPlainString(bytes: Uint8Array, at: number): string | undefined {
  stringEnd = FAIL;
  if (bytes[at] !== QUOTE) return undefined;
  let text = '';
  for (let i = at + 1; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      stringEnd = i + 1;
      return text;
    }
    if (c < 0x20 || c > 0x7e || c === BACKSLASH) return undefined;
    text += String.fromCharCode(c);
  }
  return undefined;
}

function skipLiteral(bytes: Uint8Array, at: number, literal: readonly number[]): number {
  for (let i = 0; i < literal.length; i++) if (bytes[at + i] !== literal[i]) return FAIL;
  return at + literal.length;
}

const TRUE = [0x74, 0x72, 0x75, 0x65];
const FALSE = [0x66, 0x61, 0x6c, 0x73, 0x65];
const NULL = [0x6e, 0x75, 0x6c, 0x6c];

function skipDigits(bytes: Uint8Array, at: number): number {
  const start = at;
  while (bytes[at]! >= ZERO && bytes[at]! <= NINE) at++;
  return at > start ? at : FAIL;
}

/** Any JSON number (the grammar of RFC 8259). */
function skipNumber(bytes: Uint8Array, at: number): number {
  if (bytes[at] === MINUS) at++;
  if (bytes[at] === ZERO) at++;
  else if ((at = skipDigits(bytes, at)) === FAIL) return FAIL;
  if (bytes[at] === 0x2e && (at = skipDigits(bytes, at + 1)) === FAIL) return FAIL;
  if (bytes[at] === 0x65 || bytes[at] === 0x45) {
    at++;
    if (bytes[at] === 0x2b || bytes[at] === MINUS) at++;
    if ((at = skipDigits(bytes, at)) === FAIL) return FAIL;
  }
  return at;
}

/** Any JSON value, whatever its shape (the unknown keys of a loose object). */
function skipValue(bytes: Uint8Array, at: number): number {
  const c = bytes[at];
  if (c === QUOTE) return skipString(bytes, at + 1);
  if (c === OPEN_BRACE) {
    if (++depth > MAX_DEPTH) return FAIL;
    at = skipSpace(bytes, at + 1);
    if (bytes[at] === CLOSE_BRACE) {
      depth--;
      return at + 1;
    }
    for (;;) {
      if (bytes[at] !== QUOTE || (at = skipString(bytes, at + 1)) === FAIL) return FAIL;
      at = skipSpace(bytes, at);
      if (bytes[at] !== COLON) return FAIL;
      if ((at = skipValue(bytes, skipSpace(bytes, at + 1))) === FAIL) return FAIL;
      at = skipSpace(bytes, at);
      const next = bytes[at];
      if (next === CLOSE_BRACE) {
        depth--;
        return at + 1;
      }
      if (next !== COMMA) return FAIL;
      at = skipSpace(bytes, at + 1);
    }
  }
  if (c === OPEN_BRACKET) return skipArray(bytes, at);
  if (c === 0x74) return skipLiteral(bytes, at, TRUE);
  if (c === 0x66) return skipLiteral(bytes, at, FALSE);
  if (c === 0x6e) return skipLiteral(bytes, at, NULL);
  return skipNumber(bytes, at);
}

function arrayOf(element: ValueCheck, min: number, max: number): ValueCheck {
  return (bytes, at) => {
    if (bytes[at] !== OPEN_BRACKET || ++depth > MAX_DEPTH) return FAIL;
    at = skipSpace(bytes, at + 1);
    let count = 0;
    if (bytes[at] === CLOSE_BRACKET) at++;
    else
      for (;;) {
        if ((at = element(bytes, at)) === FAIL) return FAIL;
        count++;
        at = skipSpace(bytes, at);
        const next = bytes[at];
        if (next === CLOSE_BRACKET) {
          at++;
          break;
        }
        if (next !== COMMA) return FAIL;
        at = skipSpace(bytes, at + 1);
      }
    depth--;
    return count >= min && count <= max ? at : FAIL;
  };
}

const skipArray = arrayOf(skipValue, 0, Number.POSITIVE_INFINITY);

type Internals = { _zod: { def: z.core.$ZodTypeDef } };
type CheckDef = z.core.$ZodCheckDef & Record<string, unknown>;

const defOf = (schema: unknown): z.core.$ZodTypeDef => (schema as Internals)._zod.def;
const checksOf = (def: z.core.$ZodTypeDef): CheckDef[] =>
  (def.checks ?? []).map((check) => (check as unknown as { _zod: { def: CheckDef } })._zod.def);

/**
 * Known names (keys, enum values) matched on their UTF-8 bytes from the opening quote, without
 * making strings of them or looking for their end first: the names starting with the byte there,
 * each compared with its closing quote (matching keys once read to their end first: 61 ms for the
 * 2,000 articles of a burst, 53 ms so, best of 15; half of what is left is reading strings).
 */
class ByteNames {
  private readonly byFirstByte: { quoted: Uint8Array; slot: number }[][] = [];

  constructor(names: readonly string[]) {
    const encoder = new TextEncoder();
    names.forEach((name, slot) => {
      // Bytes that are not UTF-8 decode to U+FFFD: such a name could be spelt by other bytes. A
      // name JSON must escape is never matched as written.
      if (name.includes('\uFFFD') || [...name].some((ch) => ch === '"' || ch === '\\' || ch < ' ')) throw new Unsupported('name to escape');
      const quoted = encoder.encode(`${name}"`);
      (this.byFirstByte[quoted[0]!] ??= []).push({ quoted, slot });
    });
  }

  /**
   * The slot of the name whose string opens at `at` (a quote), `stringEnd` after its closing quote;
   * or -1 (another string, or not one) with `stringEnd` unset.
   */
  find(bytes: Uint8Array, at: number): number {
    const candidates = this.byFirstByte[bytes[at + 1]!];
    if (candidates === undefined) return -1;
    const start = at + 1;
    for (let c = 0; c < candidates.length; c++) {
      const { quoted, slot } = candidates[c]!;
      let i = 0;
      while (i < quoted.length && bytes[start + i] === quoted[i]) i++;
      if (i === quoted.length) {
        stringEnd = start + i;
        return slot;
      }
    }
    return -1;
  }
}

/**
 * From an opening quote: the end of a string without escapes (its closing quote, `stringEnd` after
 * it), or `FAIL` (an escape, a control character, no end). An escaped name may spell a known one.
 */
function plainStringEnd(bytes: Uint8Array, at: number): number {
  stringEnd = FAIL;
  if (bytes[at] !== QUOTE) return FAIL;
  for (let i = at + 1; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      stringEnd = i + 1;
      return i;
    }
    if (c < 0x20 || c === BACKSLASH) return FAIL;
  }
  return FAIL;
}

function objectCheck(def: z.core.$ZodObjectDef, compile: (schema: unknown) => ValueCheck): ValueCheck {
  if (checksOf(def).length > 0) throw new Unsupported('object check');
  const names = Object.keys(def.shape);
  // A key seen twice answers false (JSON.parse keeps the last; each is checked once): one bit per key.
  if (names.length > 30) throw new Unsupported('more than 30 keys');
  // A key missing from the JSON would be read from the prototype by zod (`constructor`, …).
  const inherited = names.find((name) => name in Object.prototype);
  if (inherited !== undefined) throw new Unsupported(`key ${inherited}`);
  const keys = new ByteNames(names);
  const checks = names.map((name) => {
    const value = def.shape[name]!;
    const valueDef = defOf(value);
    return valueDef.type === 'optional' ? compile((valueDef as z.core.$ZodOptionalDef).innerType) : compile(value);
  });
  let required = 0;
  names.forEach((name, i) => {
    if (defOf(def.shape[name]).type !== 'optional') required |= 1 << i;
  });
  // Unknown keys: dropped (`z.object`), kept whatever they hold (`z.looseObject`), refused (`z.strictObject`).
  const catchall = def.catchall === undefined ? 'unknown' : defOf(def.catchall).type;
  if (catchall !== 'unknown' && catchall !== 'any' && catchall !== 'never') throw new Unsupported(`catchall ${catchall}`);
  return (bytes, at) => {
    if (bytes[at] !== OPEN_BRACE || ++depth > MAX_DEPTH) return FAIL;
    at = skipSpace(bytes, at + 1);
    let seen = 0;
    if (bytes[at] === CLOSE_BRACE) at++;
    else
      for (;;) {
        if (bytes[at] !== QUOTE) return FAIL;
        const slot = keys.find(bytes, at);
        // Not a known key: an unknown one, if it is a string without escapes (an escaped key may
        // spell a known one).
        if (slot < 0 && plainStringEnd(bytes, at) === FAIL) return FAIL;
        at = skipSpace(bytes, stringEnd);
        if (bytes[at] !== COLON) return FAIL;
        at = skipSpace(bytes, at + 1);
        if (slot >= 0) {
          const bit = 1 << slot;
          if (seen & bit) return FAIL;
          seen |= bit;
          at = checks[slot]!(bytes, at);
        } else at = catchall === 'never' ? FAIL : skipValue(bytes, at);
        if (at === FAIL) return FAIL;
        at = skipSpace(bytes, at);
        const next = bytes[at];
        if (next === CLOSE_BRACE) {
          at++;
          break;
        }
        if (next !== COMMA) return FAIL;
        at = skipSpace(bytes, at + 1);
      }
    depth--;
    return (seen & required) === required ? at : FAIL;
  };
}

function stringCheck(def: z.core.$ZodTypeDef): ValueCheck {
  const patterns = checksOf(def).map((check) => {
    const pattern = check.pattern;
    if (check.check !== 'string_format' || check.format !== 'regex' || !(pattern instanceof RegExp))
      throw new Unsupported(`string check ${check.check}`);
    // A global or sticky pattern keeps state between tests.
    if (pattern.global || pattern.sticky) throw new Unsupported('stateful pattern');
    return pattern;
  });
  if (patterns.length === 0) return (bytes, at) => (bytes[at] === QUOTE ? skipString(bytes, at + 1) : FAIL);
  return (bytes, at) => {
    const text = readPlainString(bytes, at);
    if (text === undefined) return FAIL;
    for (const pattern of patterns) if (!pattern.test(text)) return FAIL;
    return stringEnd;
  };
}

function enumCheck(def: z.core.$ZodEnumDef): ValueCheck {
  const values = Object.values(def.entries);
  if (values.some((value) => typeof value !== 'string')) throw new Unsupported('enum of numbers');
  const allowed = new ByteNames(values as string[]);
  return (bytes, at) => (bytes[at] === QUOTE && allowed.find(bytes, at) >= 0 ? stringEnd : FAIL);
}

function numberCheck(def: z.core.$ZodTypeDef): ValueCheck {
  let min = Number.NEGATIVE_INFINITY;
  let minInclusive = true;
  let max = Number.POSITIVE_INFINITY;
  let maxInclusive = true;
  for (const check of checksOf(def)) {
    // Only integers are read below: `int()` asks nothing more of them.
    if (check.check === 'number_format' && check.format === 'safeint') continue;
    if (check.check === 'greater_than' && typeof check.value === 'number') {
      min = check.value;
      minInclusive = check.inclusive === true;
    } else if (check.check === 'less_than' && typeof check.value === 'number') {
      max = check.value;
      maxInclusive = check.inclusive === true;
    } else throw new Unsupported(`number check ${check.check}`);
  }
  // Only plain integers of at most 15 digits are read here (exact, and safe integers): any other
  // number answers false, zod then decides (a fraction where an integer is due, 1e400, …).
  return (bytes, at) => {
    let i = at;
    const negative = bytes[i] === MINUS;
    if (negative) i++;
    const first = i;
    let value = 0;
    while (bytes[i]! >= ZERO && bytes[i]! <= NINE) value = value * 10 + (bytes[i++]! - ZERO);
    const digits = i - first;
    if (digits === 0 || digits > 15 || (digits > 1 && bytes[first] === ZERO)) return FAIL;
    const next = bytes[i];
    if (next === 0x2e || next === 0x65 || next === 0x45) return FAIL;
    if (negative) value = -value;
    if (value < min || (!minInclusive && value === min) || value > max || (!maxInclusive && value === max)) return FAIL;
    return i;
  };
}

/**
 * The check of `schema` on JSON bytes (see above), or `undefined` when the schema uses something
 * this module does not read (a union, a transform, a refinement, a check it does not know).
 */
export function compileJsonBytesCheck(schema: z.ZodType): ((bytes: Uint8Array) => boolean) | undefined {
  const compiled = new Map<unknown, ValueCheck>();
  const compile = (node: unknown): ValueCheck => {
    const known = compiled.get(node);
    if (known) return known;
    const def = defOf(node);
    let check: ValueCheck;
    switch (def.type) {
      case 'object':
        check = objectCheck(def as z.core.$ZodObjectDef, compile);
        break;
      case 'array': {
        let min = 0;
        let max = Number.POSITIVE_INFINITY;
        for (const c of checksOf(def)) {
          if (c.check === 'min_length' && typeof c.minimum === 'number') min = c.minimum;
          else if (c.check === 'max_length' && typeof c.maximum === 'number') max = c.maximum;
          else if (c.check === 'length_equals' && typeof c.length === 'number') min = max = c.length;
          else throw new Unsupported(`array check ${c.check}`);
        }
        check = arrayOf(compile((def as z.core.$ZodArrayDef).element), min, max);
        break;
      }
      case 'string':
        check = stringCheck(def);
        break;
      case 'enum':
        check = enumCheck(def as z.core.$ZodEnumDef);
        break;
      case 'number':
        check = numberCheck(def);
        break;
      case 'boolean':
        if (checksOf(def).length > 0) throw new Unsupported('boolean check');
        check = (bytes, at) => (bytes[at] === 0x74 ? skipLiteral(bytes, at, TRUE) : skipLiteral(bytes, at, FALSE));
        break;
      case 'unknown':
      case 'any':
        check = skipValue;
        break;
      // JSON has no `undefined`: an optional value that is there is its inner value (an absent key
      // is the object's business).
      case 'optional':
        check = compile((def as z.core.$ZodOptionalDef).innerType);
        break;
      case 'lazy': {
        // Recursive schemas (a section holds sections): compiled on first use, once.
        let inner: ValueCheck | undefined;
        const getter = (def as z.core.$ZodLazyDef).getter;
        check = (bytes, at) => (inner ??= compile(getter()))(bytes, at);
        break;
      }
      default:
        throw new Unsupported(def.type);
    }
    compiled.set(node, check);
    return check;
  };
  let root: ValueCheck;
  try {
    root = compile(schema);
    // Compile what lazy schemas hide now, so that an unsupported part is known here, not at a read.
    compileLazies(schema, compile, new Set());
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return (bytes) => {
    depth = 0;
    try {
      const end = root(bytes, skipSpace(bytes, 0));
      return end !== FAIL && skipSpace(bytes, end) === bytes.length;
    } catch (error) {
      // Stack exhausted by a recursive schema on deep input: proves nothing.
      if (error instanceof RangeError) return false;
      throw error;
    }
  };
}

function compileLazies(node: unknown, compile: (schema: unknown) => ValueCheck, visited: Set<unknown>): void {
  if (visited.has(node)) return;
  visited.add(node);
  const def = defOf(node);
  const children: unknown[] = [];
  if (def.type === 'object') {
    const object = def as z.core.$ZodObjectDef;
    children.push(...Object.values(object.shape));
    if (object.catchall) children.push(object.catchall);
  } else if (def.type === 'array') children.push((def as z.core.$ZodArrayDef).element);
  else if (def.type === 'optional') children.push((def as z.core.$ZodOptionalDef).innerType);
  else if (def.type === 'lazy') {
    const inner = (def as z.core.$ZodLazyDef).getter();
    compile(inner);
    children.push(inner);
  }
  for (const child of children) compileLazies(child, compile, visited);
}

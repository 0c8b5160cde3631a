/** fast-check arbitraries shared by the property tests. */
import fc from 'fast-check';

/**
 * Any text: ASCII, Latin-1, whitespace of every kind, typographic marks, astral characters and lone
 * surrogates (fast-check's own `binary` strings are much slower to generate).
 */
export const anyText = (maxLength: number) =>
  fc
    .array(
      fc.oneof(
        fc.integer({ min: 0x20, max: 0x7e }),
        fc.integer({ min: 0xa0, max: 0x17f }),
        fc.constantFrom(0x09, 0x0a, 0x0d, 0xa0, 0x202f, 0x2019, 0x2010, 0x2013, 0x2015, 0xb0, 0xab, 0xbb),
        fc.integer({ min: 0x1f600, max: 0x1f64f }),
        fc.integer({ min: 0xd800, max: 0xdfff }),
      ),
      { maxLength },
    )
    .map((codes) => String.fromCodePoint(...codes));

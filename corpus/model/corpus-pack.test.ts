import { describe, expect, it } from 'vitest';
import {
  encodePackPreamble,
  headerLengthOf,
  PACK_LEAD_BYTES,
  PackError,
  parsePackHeader,
  checkPartsAgainstManifest,
  type PackHeader,
} from './corpus-pack.ts';
import type { Manifest } from './bundle.ts';

const sha = (c: string) => c.repeat(64);
const expected = { bundleSchemaVersion: 2, lunrVersion: '2.3.9' };

function header(over: Partial<PackHeader> = {}): PackHeader {
  return {
    format: 'palimpseste-corpus-pack',
    packVersion: 1,
    bundleSchemaVersion: 2,
    lunrVersion: '2.3.9',
    builtAt: '2026-12-01T10:00:00.000Z',
    dataDate: '2025-01-01',
    sources: [{ id: 'lexlib-css', kind: 'lexlib', revision: 'abc', codes: ['code-de-la-securite-sociale'] }],
    codes: [{ id: 'code-de-la-securite-sociale', title: 'Code de la sécurité sociale', articleCount: 1, versionCount: 2 }],
    parts: [
      { path: 'manifest.json', bytes: 10, sha256: sha('a') },
      { path: 'codes/css/toc.json', bytes: 5, sha256: sha('b') },
    ],
    ...over,
  };
}

/** The header's bytes as the preamble carries them. */
function headerBytes(h: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(h));
}

function refusal(run: () => unknown): PackError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    return error as PackError;
  }
  throw new Error('not refused');
}

describe('the pack preamble', () => {
  it('round-trips: magic line, length, header', () => {
    const preamble = encodePackPreamble(header());
    const length = headerLengthOf(preamble.subarray(0, PACK_LEAD_BYTES));
    expect(PACK_LEAD_BYTES + length).toBe(preamble.byteLength);
    expect(parsePackHeader(preamble.subarray(PACK_LEAD_BYTES), expected)).toEqual(header());
  });

  it('tells a foreign file by its first bytes', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n'.padEnd(PACK_LEAD_BYTES, ' '));
    expect(refusal(() => headerLengthOf(pdf))).toMatchObject({ kind: 'foreign' });
    const broken = encodePackPreamble(header());
    broken[PACK_LEAD_BYTES - 3] = 0x41; // a letter among the length's digits
    expect(refusal(() => headerLengthOf(broken)).reason).toMatch(/longueur illisible/);
  });

  it('refuses other formats with what this app reads', () => {
    expect(refusal(() => parsePackHeader(headerBytes({ format: 'zip' }), expected))).toMatchObject({ kind: 'foreign' });
    expect(refusal(() => parsePackHeader(headerBytes(header({ packVersion: 7 })), expected)).reason).toMatch(/format 7.*format 1/);
    expect(refusal(() => parsePackHeader(headerBytes(header({ bundleSchemaVersion: 3 })), expected)).reason).toMatch(
      /format 3, cette version de Palimpseste lit le format 2/,
    );
    expect(refusal(() => parsePackHeader(headerBytes(header({ lunrVersion: '2.4.0' })), expected)).reason).toMatch(/Lunr 2\.4\.0/);
  });

  it('refuses parts that would be written outside the install folder, twice, or without the manifest first', () => {
    for (const bad of ['../evil.json', '/etc/passwd', 'codes/../../x', 'codes\\x', 'codes/./x', '']) {
      const h = header({
        parts: [
          { path: 'manifest.json', bytes: 1, sha256: sha('a') },
          { path: bad, bytes: 1, sha256: sha('b') },
        ],
      });
      expect(refusal(() => parsePackHeader(headerBytes(h), expected)).reason, bad).toMatch(/endommagé/);
    }
    const twice = header({ parts: [header().parts[0]!, header().parts[1]!, header().parts[1]!] });
    expect(refusal(() => parsePackHeader(headerBytes(twice), expected)).reason).toMatch(/deux fois/);
    const noManifest = header({ parts: [header().parts[1]!] });
    expect(refusal(() => parsePackHeader(headerBytes(noManifest), expected)).reason).toMatch(/ne commence pas par le manifeste/);
    expect(refusal(() => parsePackHeader(new TextEncoder().encode('{"format":'), expected)).reason).toMatch(/pas du JSON complet/);
  });

  it('checks the parts against the bundle manifest’s own checksums', () => {
    const manifest = { files: { 'codes/css/toc.json': { bytes: 5, sha256: sha('b') } } } as unknown as Manifest;
    expect(() => checkPartsAgainstManifest(header(), manifest)).not.toThrow();
    const other = { files: { 'codes/css/toc.json': { bytes: 5, sha256: sha('c') } } } as unknown as Manifest;
    expect(refusal(() => checkPartsAgainstManifest(header(), other)).reason).toMatch(/ne correspond pas au manifeste/);
    const more = { files: { ...manifest.files, 'search/current.json': { bytes: 1, sha256: sha('d') } } } as unknown as Manifest;
    expect(refusal(() => checkPartsAgainstManifest(header(), more)).reason).toMatch(/liste 2 fichiers, le paquet en contient 1/);
  });
});

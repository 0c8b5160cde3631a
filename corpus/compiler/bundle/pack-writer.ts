/**
 * `npm run corpus -- --pack FILE`: the compiled bundle as one file (layout in
 * `corpus/model/corpus-pack.ts`), to send to installed apps. Every file is checked against the
 * manifest as it is copied in: a bundle damaged on disk is never packed. The pack is written beside
 * its target and renamed at the end: an interrupted run leaves no half pack under the name.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Manifest } from '../../model/bundle.ts';
import { checkBundleFile, describeIntegrityProblem, fileChecksum } from '../../model/bundle-integrity.ts';
import { encodePackPreamble, packHeaderFor, type PackHeader } from '../../model/corpus-pack.ts';
import { corpusDataDate } from '../../model/timeline.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface WrittenPack {
  file: string;
  bytes: number;
  header: PackHeader;
}

export function writePack(bundleDir: string, file: string): WrittenPack {
  const manifestBytes = readFileSync(path.join(bundleDir, 'manifest.json'));
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
  const header = packHeaderFor(manifest, fileChecksum(manifestBytes, sha256), corpusDataDate(manifest));
  const target = path.resolve(file);
  const staging = `${target}.tmp-${process.pid}`;
  const fd = openSync(staging, 'w');
  let bytes = 0;
  try {
    const put = (data: Uint8Array) => {
      writeSync(fd, data);
      bytes += data.byteLength;
    };
    put(encodePackPreamble(header));
    put(manifestBytes);
    for (const part of header.parts.slice(1)) {
      const data = readFileSync(path.join(bundleDir, part.path));
      const problem = checkBundleFile(manifest.files, part.path, data, sha256);
      if (problem) throw new Error(`Paquet non écrit : ${describeIntegrityProblem(problem)}`);
      put(data);
    }
    closeSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(staging, { force: true });
    throw error;
  }
  renameSync(staging, target);
  return { file: target, bytes, header };
}

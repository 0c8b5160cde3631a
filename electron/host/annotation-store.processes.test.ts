/**
 * The crash loop of annotations (issue 9, §6): 200 SIGKILLs of a host at random moments while it
 * saves annotations through the API (`saveAnnotation`, the store compacted every few saves, so
 * that kills land mid-append and mid-compaction). Then: every acknowledged annotation is there
 * with its note, no file is damaged (nothing set aside), no temporary file and no lock are left.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../corpus/annotations/annotation.ts';
import { annotationSchema } from '../../corpus/annotations/annotation-schema.ts';
import { ANNOTATIONS_FILE } from './annotation-store.ts';
import { RecordStore, type StoreProblem } from './user-data/record-store.ts';
import { decodeJournal, decodeSnapshot } from './user-data/store-files.ts';
import { bundleStoreChild, type StoreChild } from './user-data/testing/bundle-child.ts';
import { crashLoop } from './user-data/testing/child-runs.ts';

let work: string;
let child: StoreChild;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'palimpseste-annotation-kills-'));
  child = await bundleStoreChild(work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const temporaryFiles = (dir: string) => readdirSync(dir).filter((name) => /\.tmp-|\.stale-/.test(name));

describe('annotations through 200 SIGKILLs of the host', () => {
  it('loses no acknowledged annotation, damages no file, leaves no temporary file', async () => {
    const dataDir = path.join(work, 'kill-loop');
    mkdirSync(dataDir);
    const { acked, unexpected } = await crashLoop({ child, args: (kill) => ['annotate-loop', dataDir, `k${kill}`], kills: 200 });
    expect(unexpected, 'what the savers printed besides their acks').toEqual([]);
    const problems: StoreProblem[] = [];
    const store = new RecordStore<Annotation>({
      dir: dataDir,
      name: ANNOTATIONS_FILE,
      schema: annotationSchema,
      idOf: (a) => a.id,
      onProblem: (p) => problems.push(p),
    });
    const saved = new Map((await store.list()).map((a) => [a.id, a.note]));
    const lost = [...acked].filter(([id, note]) => saved.get(id) !== note);
    console.log(
      `[annotations crash loop] 200 SIGKILLs: ${acked.size} annotations acknowledged, ${lost.length} lost, ` +
        `${problems.length} damaged files, ${temporaryFiles(dataDir).length} temporary files left.`,
    );
    expect(acked.size).toBeGreaterThan(200);
    expect(lost).toEqual([]);
    expect(problems).toEqual([]);
    expect(readdirSync(dataDir).filter((name) => name.includes('.corrupt-'))).toEqual([]);
    expect(temporaryFiles(dataDir)).toEqual([]);
    expect(existsSync(path.join(dataDir, 'annotations.lock'))).toBe(false);
    const snapshot = path.join(dataDir, ANNOTATIONS_FILE);
    if (existsSync(snapshot)) expect(decodeSnapshot(readFileSync(snapshot)).ok).toBe(true);
    const journal = path.join(dataDir, 'annotations.journal');
    if (existsSync(journal)) expect(decodeJournal(readFileSync(journal)).badLines).toEqual([]);
  }, 900_000);
});

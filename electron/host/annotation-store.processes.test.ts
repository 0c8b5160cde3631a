/**
 * The crash loop of annotations (issue 9, §6): 200 SIGKILLs of a host at random moments while it
 * saves annotations through the API (`saveAnnotation`, the store compacted every few saves, so
 * that kills land mid-append and mid-compaction). Then: every acknowledged annotation is there
 * with its note, no file is damaged (nothing set aside), no temporary file and no lock are left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotationSchema, type Annotation } from '../../corpus/annotations/annotation.ts';
import { ANNOTATIONS_FILE } from './annotation-store.ts';
import { RecordStore, type StoreProblem } from './user-data/record-store.ts';
import { decodeJournal, decodeSnapshot } from './user-data/store-files.ts';
import { bundleStoreChild } from './user-data/testing/bundle-child.ts';

let work: string;
let child: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'palimpseste-annotation-kills-'));
  child = await bundleStoreChild(work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function start(args: string[]): { process: ChildProcess; lines: string[]; exited: Promise<void>; firstAck: Promise<void> } {
  const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buffer = '';
  let acked: () => void = () => undefined;
  const firstAck = new Promise<void>((resolve) => (acked = resolve));
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const complete = buffer.split('\n');
    buffer = complete.pop() ?? '';
    for (const line of complete) {
      lines.push(line);
      if (line.startsWith('ack ')) acked();
    }
  });
  let stderr = '';
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) =>
    proc.once('close', () => {
      if (stderr.trim() && !/SIGKILL/.test(stderr)) lines.push(`stderr ${stderr.trim()}`);
      acked();
      resolve();
    }),
  );
  return { process: proc, lines, exited, firstAck };
}

const temporaryFiles = (dir: string) => readdirSync(dir).filter((name) => /\.tmp-|\.stale-/.test(name));

describe('annotations through 200 SIGKILLs of the host', () => {
  it('loses no acknowledged annotation, damages no file, leaves no temporary file', async () => {
    const dataDir = path.join(work, 'kill-loop');
    mkdirSync(dataDir);
    const acked = new Map<string, string>();
    for (let kill = 0; kill < 200; kill++) {
      const saver = start(['annotate-loop', dataDir, `k${kill}`]);
      // Killed at a random moment: before the store opened (one in four), mid-append, mid-compaction.
      if (kill % 4 !== 0) await saver.firstAck;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * (kill % 4 === 0 ? 40 : 80)));
      saver.process.kill('SIGKILL');
      await saver.exited;
      for (const line of saver.lines) {
        const match = /^ack (\S+) (.*)$/.exec(line);
        if (match) acked.set(match[1]!, match[2]!);
        else expect.fail(`unexpected output of the saver: ${line}`);
      }
    }
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

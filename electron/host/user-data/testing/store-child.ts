/**
 * A second process for the store's cross-process tests (bundled by `bundle-child.ts`, run with
 * `node`): a real host saving trails in the same data folder as the test, a host saving in a loop
 * until it is killed, or a process that takes the lock and dies holding it.
 *
 *   node child.mjs save <dataDir> <prefix> <count> <concurrency>
 *       saves <count> trails `<prefix>-<n>` and as many increments of the shared counter trail,
 *       <concurrency> at a time, through the host's API; prints `ack <id>` / `inc <n>` once each is
 *       acknowledged, then `done`.
 *   node child.mjs loop <dataDir> <prefix>
 *       saves trails `<prefix>-<n>` in the trails' record store (often compacted, and without the
 *       host's cap of 2,000 trails) four at a time until killed, printing `ack <id> <name>` as each
 *       is acknowledged.
 *   node child.mjs annotate-loop <dataDir> <prefix>
 *       saves annotations `<prefix>-<n>` through the host's API (`saveAnnotation`, store compacted
 *       often) four at a time until killed, printing `ack <id> <note>` as each is acknowledged.
 *   node child.mjs hold-lock <dataDir>
 *       takes the trails' lock, prints `locked`, and waits to be killed.
 *
 * stdout is a pipe: on Linux a write to it is synchronous, so a line printed before a SIGKILL
 * reaches the test.
 */
import path from 'node:path';
import type { Trail } from '../../../common/api.ts';
import { trailSchema } from '../../../common/api-schemas.ts';
import { TRAILS_FILE } from '../../trail-store.ts';
import { FileLock } from '../file-lock.ts';
import { RecordStore } from '../record-store.ts';
import { nodeStoreFs } from '../store-fs.ts';

const [mode, dataDir = '', prefix = 'p', countText = '100', concurrencyText = '10'] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);

function trail(id: string, name: string, steps = 1): Trail {
  return {
    id,
    name,
    steps: Array.from({ length: steps }, (_, i) => ({
      article: `code-de-la-securite-sociale/LEGIARTI0000067435${String(38 + (i % 50)).padStart(2, '0')}`,
      num: `L611-${3 + i}`,
      code: 'code-de-la-securite-sociale',
      date: '2006-01-28',
    })),
    createdAt: '2026-11-22T09:00:00.000Z',
    updatedAt: '2026-11-22T09:00:00.000Z',
  };
}

/** Runs `count` tasks, `concurrency` at a time. */
async function pool(count: number, concurrency: number, task: (n: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

if (mode === 'save') {
  // Imported here: the other modes start faster without the corpus code.
  const { createHost } = await import('../../host.ts');
  const host = createHost({ corpusDir: path.join(dataDir, 'no-corpus'), dataDir, log: () => undefined });
  const count = Number(countText);
  await pool(count, Number(concurrencyText), async (n) => {
    const id = `${prefix}-${n}`;
    const saved = await host.api.saveTrail(trail(id, `Parcours ${id}`));
    if (saved.ok) say(`ack ${id}`);
    else say(`error ${id} ${saved.error.message}`);
  });
  say('done');
} else if (mode === 'loop') {
  // Compacted every few saves, so that kills land in compactions too.
  const store = new RecordStore<Trail>({
    dir: dataDir,
    name: TRAILS_FILE,
    schema: trailSchema,
    idOf: (t) => t.id,
    compactAfterBytes: 16 * 1024,
  });
  let n = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (;;) {
        const id = `${prefix}-${n++}`;
        const name = `Parcours ${id} ${'x'.repeat(n % 7)}`;
        await store.put(trail(id, name, 10));
        say(`ack ${id} ${name}`);
      }
    }),
  );
} else if (mode === 'annotate-loop') {
  const { createHandlers } = await import('../../handlers.ts');
  const { AnnotationStore } = await import('../../annotation-store.ts');
  const { CorpusStore } = await import('../../corpus-store.ts');
  const { NoticeBoard } = await import('../../notices.ts');
  const { SessionStore } = await import('../../session-store.ts');
  const { TrailStore } = await import('../../trail-store.ts');
  const notices = new NoticeBoard();
  const corpus = new CorpusStore(path.join(dataDir, 'no-corpus'));
  const api = createHandlers({
    corpus,
    trails: new TrailStore(dataDir, notices),
    session: new SessionStore(dataDir, notices),
    annotations: new AnnotationStore(dataDir, notices, corpus, undefined, { compactAfterBytes: 16 * 1024 }),
    notices,
    log: () => undefined,
  });
  let n = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (;;) {
        const id = `${prefix}-${n++}`;
        const note = `Note ${id} ${'é'.repeat(n % 11)}`;
        const saved = await api.saveAnnotation({
          id,
          article: { id: 'code-de-la-securite-sociale/LEGIARTI000006743538', code: 'code-de-la-securite-sociale', num: 'L611-3' },
          version: { validFrom: '1985-12-21' },
          target: {
            kind: 'passage',
            paragraph: 0,
            paragraphEnd: 0,
            quote: { type: 'TextQuoteSelector', exact: 'caisses mutuelles', prefix: 'Les ', suffix: ' régionales' },
            position: { type: 'TextPositionSelector', start: 4, end: 21 },
          },
          role: 'condition',
          tags: [],
          note,
          createdAt: '2026-11-22T09:00:00.000Z',
          updatedAt: '2026-11-22T09:00:00.000Z',
        });
        if (saved.ok) say(`ack ${id} ${note}`);
        else say(`error ${id} ${saved.error.message}`);
      }
    }),
  );
} else if (mode === 'hold-lock') {
  await nodeStoreFs.mkdir(dataDir);
  const lock = new FileLock(path.join(dataDir, 'trails.lock'), { fs: nodeStoreFs });
  await lock.acquire();
  say('locked');
  setInterval(() => undefined, 60_000);
} else {
  process.stderr.write(`unknown mode ${String(mode)}\n`);
  process.exit(2);
}

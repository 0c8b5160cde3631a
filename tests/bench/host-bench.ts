/**
 * The host under load (`npm run bench -- host`): the web edition (`build/web.ts`, as `npm run web`
 * starts it) on the default corpus, in a process of its own whose resident memory is sampled every
 * 20 ms from `/proc/<pid>/status`, and the user-data store in this process.
 *
 * - 2,000 concurrent `getArticle` calls over random articles of every code (targets: p99 < 1 s,
 *   host memory < 400 MB during and < 250 MB after), sent at once through 200 keep-alive
 *   connections (the host's cap is 256: a client opening 2,000 at once is refused, not queued), the
 *   time of each call counted from the moment all were sent. The client is this process, the host
 *   another; the client speaks HTTP/1.1 over raw sockets (`LeanConnection`): `node:http`'s client
 *   spent 0.7–1.2 s of CPU on a burst, as much as the host, and on two cores it was measuring itself;
 *   this one spends about 0.3 s. Then the same burst again, for its figures on a host whose code V8
 *   has compiled (the first burst of a fresh host pays for that compilation, on two cores);
 * - 100 concurrent GETs of the search index of the law in force (9 MB), streamed, then the same with
 *   the ETag (304, nothing sent);
 * - 20 slow clients sending a header byte every second, and 300 connections opened at once;
 * - the durable store with 10,000 records of about 1 kB: open, save one after the other, ten at once
 *   (target for the annotations: p95 < 20 ms with 10,000 stored), each flushed to disk.
 *
 * Run: `npm run bench -- host` (HOST_BENCH_CORPUS=<folder> for another compiled corpus).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open as open_ } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { ArticleCatalogEntry, Manifest } from '../../corpus/model/bundle.ts';
import { RecordStore } from '../../electron/host/user-data/record-store.ts';
import { startWebHost } from '../e2e/support/web-host.ts';
import { mb, ms, percentile, printTable } from './table.ts';
import { readBundleJson } from '../support/bundle-files.ts';

const root = path.resolve(import.meta.dirname, '../..');
const CORPUS = process.env.HOST_BENCH_CORPUS ? path.resolve(process.env.HOST_BENCH_CORPUS) : path.join(root, 'corpus/dist');
const manifest = JSON.parse(readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as Manifest;

const sleep = (msDelay: number) => new Promise((resolve) => setTimeout(resolve, msDelay));

/** Resident memory of a process (bytes), from /proc. */
function rss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
}

/** CPU time (ms) of a `/proc/…/stat` file: its utime and stime (fields 14 and 15), in clock ticks (100 per second on Linux). */
function statCpuMs(statFile: string): number {
  const fields = readFileSync(statFile, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** CPU time a process has used (ms), from /proc: on a shared machine, wall time also counts the others' work. */
function cpuMs(pid: number): number {
  return statCpuMs(`/proc/${pid}/stat`);
}

/**
 * CPU time of the process's main thread alone (ms): the thread that runs JavaScript, which a burst
 * waits on; the others (V8's compiler and GC helpers) run beside it on the second core.
 */
function mainThreadCpuMs(pid: number): number {
  return statCpuMs(`/proc/${pid}/task/${pid}/stat`);
}

/** Samples a process's memory while `work` runs: its peak. */
async function peakDuring<T>(pid: number, work: () => Promise<T>): Promise<[T, number]> {
  let peak = rss(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rss(pid))), 20);
  try {
    const value = await work();
    return [value, Math.max(peak, rss(pid))];
  } finally {
    clearInterval(timer);
  }
}

interface Answer {
  status: number;
  bytes: number;
  body: string;
  etag: string | undefined;
}

function call(
  agent: Agent,
  port: number,
  method: string,
  target: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path: target,
        headers: { host: `127.0.0.1:${port}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          // Only small answers are kept: a 9 MB index is counted, not held 100 times in the client.
          if (bytes < 1_000_000) chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, bytes, body: Buffer.concat(chunks).toString('utf8'), etag: res.headers.etag }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * One keep-alive HTTP/1.1 connection with one request in flight at a time, as a browser's: the
 * request written in one piece, the answer read by its Content-Length (the host always sends one).
 */
class LeanConnection {
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (answer: { status: number; body: Buffer }) => void; reject: (error: Error) => void } | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length > 0 ? Buffer.concat([this.buffered, chunk]) : chunk;
      this.answer();
    });
    socket.on('error', (error) => this.waiting?.reject(error));
    socket.on('close', () => this.waiting?.reject(new Error('connexion fermée par l’hôte')));
  }

  static open(port: number): Promise<LeanConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new LeanConnection(socket)));
      socket.once('error', reject);
    });
  }

  post(port: number, target: string, body: string): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(
        `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private answer(): void {
    const headEnd = this.buffered.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.buffered.toString('latin1', 0, headEnd);
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? Number.NaN);
    if (!(length >= 0)) {
      this.waiting?.reject(new Error(`réponse sans Content-Length : ${head}`));
      return;
    }
    if (this.buffered.length < headEnd + 4 + length) return;
    const body = this.buffered.subarray(headEnd + 4, headEnd + 4 + length);
    this.buffered = this.buffered.subarray(headEnd + 4 + length);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve({ status: Number(head.slice(9, 12)), body });
  }
}

function openSocket(port: number): Promise<{ socket: Socket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      const opened = performance.now();
      resolve({ socket, closed: new Promise((done) => socket.once('close', () => done(performance.now() - opened))) });
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
    // Read what the server sends (a 408 before it closes): an unread socket never sees the close.
    socket.resume();
  });
}

const rows: string[][] = [['mesure', 'valeur', 'objectif']];
/** Progress on stderr: a run takes minutes, and a failure must say in which part it happened. */
const phase = (name: string) => console.error(`[banc hôte] ${new Date().toISOString().slice(11, 19)} ${name}`);
const load = () =>
  loadavg()
    .map((v) => v.toFixed(1))
    .join(' ');
console.log(`Charge de la machine au départ (1, 5, 15 min) : ${load()} — 2 cœurs partagés avec d’autres : les temps en dépendent.`);

const dataDir = mkdtempSync(path.join(tmpdir(), 'palimpseste-host-bench-'));
const host = await startWebHost({ dataDir, corpusDir: CORPUS, noBuild: true, timeoutMs: 120_000 });
const pid = host.process.pid ?? 0;
const port = Number(new URL(host.url).port);
try {
  const agent = new Agent({ keepAlive: true, maxSockets: 200 });
  // Every article id, from the bundle's catalogs; the host reads its own (as after a reader's
  // first lookups: `npm run web` warms them, then checks every shard file against the manifest in
  // the background, which the 2 s below leave it time to finish), then memory at rest.
  phase('catalogues');
  const ids: string[] = [];
  for (const code of manifest.codes) {
    ids.push(...readBundleJson<ArticleCatalogEntry[]>(CORPUS, code.catalog).map((e) => e.id));
    await call(agent, port, 'POST', '/api/getCatalog', JSON.stringify({ args: [code.id] }));
  }
  await sleep(2_000);
  const before = rss(pid);

  // 1. 2,000 concurrent getArticle over random articles.
  phase('2 000 getArticle simultanés');
  agent.destroy();
  const OK = Buffer.from('{"ok":true');
  /** One burst of 2,000 calls through 200 keep-alive connections: latencies, times, the host's peak memory. */
  const burst = async () => {
    const chosen = Array.from({ length: 2_000 }, () => ids[Math.floor(Math.random() * ids.length)]!);
    const connections = await Promise.all(Array.from({ length: 200 }, () => LeanConnection.open(port)));
    const cpuBefore = cpuMs(pid);
    const mainBefore = mainThreadCpuMs(pid);
    const clientBefore = process.cpuUsage();
    const sent = performance.now();
    const latencies: number[] = [];
    let next = 0;
    const [, peak] = await peakDuring(pid, () =>
      // All 2,000 at once: each connection takes the next call as soon as its last one is answered.
      Promise.all(
        connections.map(async (connection) => {
          while (next < chosen.length) {
            const id = chosen[next++]!;
            const answer = await connection.post(port, '/api/getArticle', JSON.stringify({ args: [id] }));
            if (answer.status !== 200 || !answer.body.subarray(0, OK.length).equals(OK))
              throw new Error(`getArticle ${id}: ${answer.status} ${answer.body.toString('utf8', 0, 200)}`);
            latencies.push(performance.now() - sent);
          }
        }),
      ),
    );
    const wall = performance.now() - sent;
    const client = process.cpuUsage(clientBefore);
    const stats = {
      distinct: new Set(chosen).size,
      latencies,
      wall,
      cpu: cpuMs(pid) - cpuBefore,
      mainCpu: mainThreadCpuMs(pid) - mainBefore,
      clientCpu: (client.user + client.system) / 1000,
      peak,
    };
    connections.forEach((connection) => connection.close());
    return stats;
  };
  const cold = await burst();
  await sleep(10_000);
  const afterArticles = rss(pid);
  rows.push(
    [`2 000 getArticle simultanés (${cold.distinct} articles distincts, au hasard) : p50`, ms(percentile(cold.latencies, 50)), ''],
    ['  p99', ms(percentile(cold.latencies, 99)), '< 1 s'],
    ['  toute la salve', ms(cold.wall), ''],
    ['  temps CPU de l’hôte pour la salve (ce que la salve coûte, hors attente des autres)', ms(cold.cpu), ''],
    ['    dont son fil principal (JavaScript : la salve l’attend)', ms(cold.mainCpu), ''],
    ['  temps CPU du client (autre processus) pour la salve', ms(cold.clientCpu), ''],
    ['  mémoire de l’hôte : avant / pendant (pic)', `${mb(before)} / ${mb(cold.peak)}`, 'pendant < 400 MB'],
    ['  mémoire de l’hôte 10 s après', mb(afterArticles), '< 250 MB'],
  );
  // The same again, other articles: the host that just started compiled its code during the first
  // (V8's compiler threads took ≈ 600 ms of CPU beside its main thread, on the client's core), and a
  // host serving a reader for some time has done so already.
  phase('2 000 getArticle simultanés, encore');
  const warm = await burst();
  rows.push(
    [
      '  la même salve une seconde fois (hôte déjà compilé par V8) : p50 / p99',
      `${ms(percentile(warm.latencies, 50))} / ${ms(percentile(warm.latencies, 99))}`,
      '',
    ],
    ['    temps CPU de l’hôte / de son fil principal', `${ms(warm.cpu)} / ${ms(warm.mainCpu)}`, ''],
  );

  // 2. 100 concurrent GETs of the search index, then with its ETag.
  phase('100 GET de l’index de recherche');
  const index = `/corpus/${manifest.search.current}`;
  const indexAgent = new Agent({ keepAlive: true, maxSockets: 100 });
  const first = await call(indexAgent, port, 'GET', index);
  const tag = first.etag ?? '';
  const restIndex = rss(pid);
  const started = performance.now();
  const [indexAnswers, peakIndex] = await peakDuring(pid, () =>
    Promise.all(Array.from({ length: 100 }, () => call(indexAgent, port, 'GET', index))),
  );
  const indexMs = performance.now() - started;
  const whole = indexAnswers.filter((a) => a.status === 200 && a.bytes === first.bytes).length;
  const notModifiedStart = performance.now();
  const [cached, peakCached] = await peakDuring(pid, () =>
    Promise.all(Array.from({ length: 100 }, () => call(indexAgent, port, 'GET', index, undefined, { 'if-none-match': tag }))),
  );
  const notModifiedMs = performance.now() - notModifiedStart;
  indexAgent.destroy();
  rows.push(
    [`100 GET simultanés de l’index (${mb(first.bytes)}) : reçus entiers`, `${whole} / 100 en ${ms(indexMs)}`, ''],
    ['  mémoire de l’hôte : avant / pic', `${mb(restIndex)} / ${mb(peakIndex)}`, 'pas 100 copies (991 MB avant)'],
    [
      '  les mêmes avec l’ETag : 304',
      `${cached.filter((a) => a.status === 304 && a.bytes === 0).length} / 100 en ${ms(notModifiedMs)} (pic ${mb(peakCached)})`,
      '100 × 304',
    ],
  );

  // 3. Slow clients, then a flood of connections.
  phase('clients lents, puis 300 connexions');
  const slow = await Promise.all(Array.from({ length: 20 }, () => openSocket(port)));
  const timers = slow.map(({ socket }) => {
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    return setInterval(() => socket.writable && socket.write('X'), 1_000);
  });
  const lifetimes = await Promise.all(slow.map(({ closed }) => Promise.race([closed, sleep(30_000).then(() => Number.POSITIVE_INFINITY)])));
  timers.forEach(clearInterval);
  slow.forEach(({ socket }) => socket.destroy());
  const closedSlow = lifetimes.filter((t) => Number.isFinite(t));
  rows.push([
    '20 clients lents (un octet d’en-tête par seconde) : fermés par l’hôte',
    `${closedSlow.length} / 20, après ${ms(Math.min(...closedSlow))} à ${ms(Math.max(...closedSlow))}`,
    '20 / 20 (tous ouverts après 30 s avant)',
  ]);
  const flood = await Promise.all(Array.from({ length: 300 }, () => openSocket(port).catch(() => undefined)));
  await sleep(300);
  const refused = await Promise.all(flood.map((c) => (c ? Promise.race([c.closed.then(() => true), sleep(0).then(() => false)]) : true)));
  flood.forEach((c) => c?.socket.destroy());
  rows.push(['300 connexions ouvertes d’un coup : refusées au-delà du plafond (256)', `${refused.filter(Boolean).length} refusées`, '44']);
} finally {
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

// 4. The durable store with 10,000 records of about 1 kB (annotation-sized).
phase('magasin durable');
const storeDir = mkdtempSync(path.join(tmpdir(), 'palimpseste-store-bench-'));
try {
  const schema = z.object({ id: z.string(), article: z.string(), quote: z.string(), note: z.string(), updatedAt: z.string() });
  type Note = z.infer<typeof schema>;
  const note = (i: number, text = 'note'): Note => ({
    id: `annotation-${i}`,
    article: `code-de-la-securite-sociale/LEGIARTI${String(6743538 + i).padStart(12, '0')}`,
    quote: 'Les caisses mutuelles régionales sont responsables, dans leur circonscription, du service des prestations '.repeat(4),
    note: `${text} ${'commentaire du juriste '.repeat(20)}`,
    updatedAt: new Date().toISOString(),
  });
  const open = () => new RecordStore<Note>({ dir: storeDir, name: 'annotations.json', schema, idOf: (n) => n.id });
  const filling = open();
  await filling.importRecords(
    Array.from({ length: 10_000 }, (_, i) => note(i)),
    (_existing, incoming) => incoming,
  );
  await filling.close();
  const openStart = performance.now();
  const store = open();
  const count = await store.count();
  const openMs = performance.now() - openStart;
  const one: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    await store.put(note(i % 10_000, `révision ${i}`));
    one.push(performance.now() - start);
  }
  const ten: number[] = [];
  for (let round = 0; round < 30; round++) {
    const start = performance.now();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.put(note(round * 10 + i, `à plusieurs ${round}`)).then(() => ten.push(performance.now() - start)),
      ),
    );
  }
  await store.close();
  // The save that finds the journal outgrown (larger than the snapshot: about one in 10,000 here)
  // rewrites the whole snapshot first; the p95 above never meets one. Measured by a store told to
  // compact at every save.
  const compacting = new RecordStore<Note>({
    dir: storeDir,
    name: 'annotations.json',
    schema,
    idOf: (n) => n.id,
    compactAfterBytes: 0,
    compactProportion: 0,
  });
  await compacting.put(note(0, 'avant'));
  const rewrites: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    await compacting.put(note(i, `réécriture ${i}`));
    rewrites.push(performance.now() - start);
  }
  await compacting.close();
  // The disk's own flush, for comparison: the floor under any acknowledged save.
  const flushes: number[] = [];
  const raw = await open_(path.join(storeDir, 'fsync-seul'), 'a');
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    await raw.write(`${JSON.stringify(note(i))}\n`);
    await raw.datasync();
    flushes.push(performance.now() - start);
  }
  await raw.close();
  rows.push(
    [`magasin : ouverture avec ${count} enregistrements de ~1 ko`, ms(openMs), ''],
    [
      '  (le disque seul : ajout d’une ligne + fdatasync : p50 / p95)',
      `${ms(percentile(flushes, 50))} / ${ms(percentile(flushes, 95))}`,
      '',
    ],
    [
      'magasin : un enregistrement après l’autre (200, chacun écrit sur disque) : p50 / p95',
      `${ms(percentile(one, 50))} / ${ms(percentile(one, 95))}`,
      'p95 < 20 ms',
    ],
    ['magasin : dix à la fois (30 × 10) : p50 / p95', `${ms(percentile(ten, 50))} / ${ms(percentile(ten, 95))}`, ''],
    [
      `  l’enregistrement qui réécrit l’instantané (${count} enregistrements ; un sur ~${count} ici) : médiane de 10`,
      ms(percentile(rewrites, 50)),
      '',
    ],
  );
} finally {
  rmSync(storeDir, { recursive: true, force: true });
}

printTable(rows);
console.log(`Charge de la machine à la fin : ${load()}`);

/**
 * The driver of the cross-process tests of the user-data store (trails and annotations): starts
 * the child (`store-child.ts`, from its snapshot: `bundle-child.ts`), reads the lines it prints,
 * and runs the crash loop — a child saving in a loop, SIGKILLed at a random moment, again and
 * again — collecting every save the children acknowledged (`ack <id> <value>`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { StoreChild } from './bundle-child.ts';

export interface ChildRun {
  process: ChildProcess;
  /** The lines printed on stdout so far, then `stderr …` if it wrote anything there (but a SIGKILL). */
  lines: string[];
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** Resolves at the first line matching; rejects if the child exits first. */
  waitFor(pattern: RegExp): Promise<void>;
}

export function startChild(child: StoreChild, args: string[]): ChildRun {
  const proc = spawn(process.execPath, [...child.nodeArgs, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: () => void; reject: (error: Error) => void }[] = [];
  let buffer = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const complete = buffer.split('\n');
    buffer = complete.pop() ?? '';
    for (const line of complete) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  let stderr = '';
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => proc.once('close', () => resolve()));
  void exited.then(() => {
    if (stderr.trim() && !/SIGKILL/.test(stderr)) lines.push(`stderr ${stderr.trim()}`);
    for (const waiter of waiters.splice(0))
      waiter.reject(new Error(`the child exited before printing ${waiter.pattern}: ${lines.join('\n')}`));
  });
  return {
    process: proc,
    lines,
    exited,
    waitFor: (pattern) =>
      lines.some((line) => pattern.test(line))
        ? Promise.resolve()
        : new Promise((resolve, reject) => waiters.push({ pattern, resolve, reject })),
  };
}

export interface CrashLoopOptions {
  child: StoreChild;
  /** The child's arguments for the `kill`-th start: a mode that saves until killed, and a prefix of ids unique to the start. */
  args: (kill: number) => string[];
  kills: number;
  /** Called after each kill, once the child has exited (e.g. to count the temporary files left meanwhile). */
  afterKill?: (kill: number) => void;
}

export interface CrashLoopResult {
  /** Every save a child acknowledged: id → the value it printed with it. */
  acked: Map<string, string>;
  /** Lines that are not an `ack` (an error of a child): a test expects none. */
  unexpected: string[];
}

/**
 * `kills` starts of a child saving in a loop, each SIGKILLed at a random moment: one in four
 * within 40 ms of its start (before or while it opens the store: reading the files, taking the
 * lock, sweeping temporary files), the others within 80 ms of their first acknowledged save
 * (mid-append, mid-compaction).
 */
export async function crashLoop(options: CrashLoopOptions): Promise<CrashLoopResult> {
  const acked = new Map<string, string>();
  const unexpected: string[] = [];
  for (let kill = 0; kill < options.kills; kill++) {
    const saver = startChild(options.child, options.args(kill));
    // A child killed before its first save has no ack to wait for; one that dies early has none either.
    if (kill % 4 !== 0) await saver.waitFor(/^ack /).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * (kill % 4 === 0 ? 40 : 80)));
    saver.process.kill('SIGKILL');
    await saver.exited;
    for (const line of saver.lines) {
      const match = /^ack (\S+) (.*)$/.exec(line);
      if (match) acked.set(match[1]!, match[2]!);
      else unexpected.push(line);
    }
    options.afterKill?.(kill);
  }
  return { acked, unexpected };
}

/**
 * How long a test worker's event loop stays blocked: the longest synchronous stretch, measured in
 * CPU time (the part of a stretch a loaded machine multiplies, and no load makes longer by itself).
 *
 * Why it matters: a Vitest worker reports to its runner over an RPC whose every call must be
 * answered within 60 s of wall time (birpc's fixed timeout, no option changes it in Vitest 3). The
 * answer arrives at once, but a worker that is running synchronous code does not read it; when its
 * loop turns again, Node runs the expired timer before it reads the answer, and the run fails with
 * « Timeout calling "onTaskUpdate" » though every test passed. On the shared 2-core machine a
 * stretch takes up to 10 times its CPU time in wall time: a long stretch of CPU without a breath is a
 * risk. `event-loop-guard.ts` fails the test (or the file) whose stretch exceeds the limit.
 */
import { readFileSync } from 'node:fs';

export interface Clocks {
  /** Monotonic wall time, in ms. */
  wall(): number;
  /** CPU time the process has used, in ms. */
  cpu(): number;
}

export interface Stretch {
  /** CPU time the process used during the stretch, in ms (at most its wall time). */
  cpuMs: number;
  wallMs: number;
}

/**
 * The real clocks, taken before any test can install fake timers. The CPU is the process's own and,
 * on Linux, that of the children it waited for: a `spawnSync` blocks the loop while its child works
 * (the compiler's command line, git), and the child's CPU is what a loaded machine stretches.
 */
export function processClocks(): Clocks {
  const hrtime = process.hrtime.bigint.bind(process.hrtime);
  const cpuUsage = process.cpuUsage.bind(process);
  return {
    wall: () => Number(hrtime()) / 1e6,
    cpu: () => {
      const { user, system } = cpuUsage();
      return (user + system) / 1000 + waitedChildrenCpuMs();
    },
  };
}

/** /proc/self/stat's cutime and cstime (fields 16 and 17, in ticks of 1/100 s); 0 where there is no /proc. */
function waitedChildrenCpuMs(): number {
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return 0;
  }
  // Fields from the third on follow the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10 || 0;
}

/**
 * Between two `tick()`s the loop was blocked for the whole gap (ticks come from a short interval
 * timer, which only runs when the loop turns). The CPU the process used in that gap is the
 * stretch's own cost, bounded by the gap (other threads — GC helpers, the thread pool — can add CPU
 * beside the blocked one, never more than the gap's length on the loop's thread).
 */
export class StretchWatch {
  private lastWall: number;
  private lastCpu: number;
  private longestSinceReset: Stretch = { cpuMs: 0, wallMs: 0 };

  constructor(private readonly clocks: Clocks) {
    this.lastWall = clocks.wall();
    this.lastCpu = clocks.cpu();
  }

  /** Called by the interval timer, and before reading: closes the stretch that is ending now. */
  tick(): void {
    const wall = this.clocks.wall();
    const cpu = this.clocks.cpu();
    const wallMs = wall - this.lastWall;
    const cpuMs = Math.min(cpu - this.lastCpu, wallMs);
    if (cpuMs > this.longestSinceReset.cpuMs) this.longestSinceReset = { cpuMs, wallMs };
    this.lastWall = wall;
    this.lastCpu = cpu;
  }

  /** The longest stretch since the last call (the one ending now included), and a new start. */
  takeLongest(): Stretch {
    this.tick();
    const longest = this.longestSinceReset;
    this.longestSinceReset = { cpuMs: 0, wallMs: 0 };
    return longest;
  }
}

/**
 * 15 s of CPU: Vitest's worker must answer its runner within 60 s, so a stretch of 15 s fails only
 * on a machine loaded four times over (CI's 2 cores run 2 workers). A lower limit (6 s, for the
 * shared machine loaded ten times over) failed setups that are one synchronous step by nature
 * (electron-builder's spawnSync in the packaging test, the whole-history resolution): a guard must
 * not fail a test that passes everywhere it is meant to run. Stretches over a third of it are printed.
 */
export const STRETCH_LIMIT_MS = 15_000;

/** The error a test gets when it kept its worker's loop blocked for too long. */
export function stretchMessage(where: string, stretch: Stretch, limitMs = STRETCH_LIMIT_MS): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return (
    `${where} kept the test worker busy for ${s(stretch.cpuMs)} of CPU (${s(stretch.wallMs)} of wall time) without a breath ` +
    `(limit ${s(limitMs)}): Vitest's worker must answer its runner within 60 s of wall time, which a loaded machine exceeds. ` +
    'Split the work with `await new Promise((resolve) => setImmediate(resolve))` between its steps.'
  );
}

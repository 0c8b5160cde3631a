/**
 * Who holds a lock, in a form another process can check: the host name, the pid, and the process's
 * start time — a pid alone is not enough, since pids are reused (after a reboot, in a container
 * where the app is often pid 1, or simply after many processes).
 *
 * On Linux the start time is the kernel's (`/proc/<pid>/stat`, clock ticks since boot, with the boot
 * id), so any process can tell whether the pid it reads in a lock is still the same process. On
 * other systems a process can only ask whether a pid is alive (`kill(pid, 0)`); the lock then falls
 * back on its age to recover from a reused pid (see `file-lock.ts`).
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface ProcessIdentity {
  host: string;
  pid: number;
  /** `linux:<boot id>:<start ticks>`, or `clock:<ms>` where the kernel's start time cannot be read. */
  start: string;
}

export type Liveness = 'alive' | 'dead' | 'unknown';

function readProcText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Field 22 of `/proc/<pid>/stat` (after the command name in parentheses, which may hold spaces);
 * undefined for a process that is gone, or a zombie (killed, not yet reaped by its parent).
 */
function linuxStartTicks(pid: number | 'self'): string | undefined {
  const stat = readProcText(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  return fields[19];
}

let bootId: string | undefined | null = null;
function linuxBootId(): string | undefined {
  if (bootId === null) bootId = readProcText('/proc/sys/kernel/random/boot_id')?.trim();
  return bootId;
}

function linuxStart(pid: number | 'self'): string | undefined {
  const ticks = process.platform === 'linux' ? linuxStartTicks(pid) : undefined;
  const boot = ticks === undefined ? undefined : linuxBootId();
  return ticks === undefined || boot === undefined ? undefined : `linux:${boot}:${ticks}`;
}

let current: ProcessIdentity | undefined;

export function currentProcess(): ProcessIdentity {
  current ??= {
    host: hostname(),
    pid: process.pid,
    start: linuxStart('self') ?? `clock:${Math.round(performance.timeOrigin)}`,
  };
  return current;
}

/**
 * Whether the process named by `identity` is still running: `dead` when its pid is gone or now
 * belongs to another process, `unknown` when it runs on another machine (a shared network folder).
 */
export function liveness(identity: ProcessIdentity): Liveness {
  const self = currentProcess();
  if (identity.host !== self.host) return 'unknown';
  if (identity.pid === self.pid) return identity.start === self.start ? 'alive' : 'dead';
  if (identity.start.startsWith('linux:')) {
    const start = linuxStart(identity.pid);
    // No /proc entry: the process is gone. Another start time: the pid was reused.
    return start === identity.start ? 'alive' : 'dead';
  }
  try {
    process.kill(identity.pid, 0);
    return 'alive';
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? 'alive' : 'dead';
  }
}

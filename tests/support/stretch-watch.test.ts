import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runChild } from './run-child.ts';
import { processClocks, STRETCH_LIMIT_MS, stretchMessage, StretchWatch, type Clocks } from './stretch-watch.ts';

/** Clocks moved by hand: `run(wall, cpu)` is a stretch of that much wall and CPU time. */
function manualClocks(): Clocks & { run(wallMs: number, cpuMs: number): void } {
  let wall = 1000;
  let cpu = 500;
  return {
    wall: () => wall,
    cpu: () => cpu,
    run(wallMs, cpuMs) {
      wall += wallMs;
      cpu += cpuMs;
    },
  };
}

describe('StretchWatch', () => {
  it('keeps the longest stretch between ticks, in CPU time, and starts again once read', () => {
    const clocks = manualClocks();
    const watch = new StretchWatch(clocks);
    clocks.run(100, 20);
    watch.tick();
    // A long synchronous stretch on a loaded machine: 9 s of CPU took 70 s of wall time.
    clocks.run(70_000, 9000);
    watch.tick();
    clocks.run(100, 90);
    watch.tick();
    expect(watch.takeLongest()).toEqual({ cpuMs: 9000, wallMs: 70_000 });
    clocks.run(100, 50);
    expect(watch.takeLongest()).toEqual({ cpuMs: 50, wallMs: 100 });
  });

  it('counts no more CPU than the wall time of the stretch (other threads work beside the loop)', () => {
    const clocks = manualClocks();
    const watch = new StretchWatch(clocks);
    clocks.run(2000, 3500);
    expect(watch.takeLongest()).toEqual({ cpuMs: 2000, wallMs: 2000 });
  });

  it('closes the stretch that is ending when read, before any tick', () => {
    const clocks = manualClocks();
    const watch = new StretchWatch(clocks);
    clocks.run(8000, 7000);
    expect(watch.takeLongest().cpuMs).toBe(7000);
  });

  it('measures a real synchronous stretch of this process', () => {
    const watch = new StretchWatch(processClocks());
    const until = performance.now() + 150;
    let spins = 0;
    while (performance.now() < until) spins++;
    const { cpuMs, wallMs } = watch.takeLongest();
    expect(spins).toBeGreaterThan(0);
    expect(wallMs).toBeGreaterThanOrEqual(150);
    expect(cpuMs).toBeGreaterThan(0);
    expect(cpuMs).toBeLessThanOrEqual(wallMs);
  });

  it.runIf(process.platform === 'linux')('counts the CPU of a child the loop waited for (spawnSync)', () => {
    const watch = new StretchWatch(processClocks());
    // A fixed amount of work (not of time: a loaded machine gives it less CPU per second), and the child's own count of its CPU.
    const work =
      "require('node:crypto').pbkdf2Sync('x', 'y', 300000, 32, 'sha256'); const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000));";
    const result = spawnSync(process.execPath, ['-e', work], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const childCpuMs = Number(result.stdout);
    expect(childCpuMs).toBeGreaterThan(50);
    // /proc counts in hundredths of a second.
    expect(watch.takeLongest().cpuMs).toBeGreaterThanOrEqual(childCpuMs - 20);
  });

  it('says where, how long and what to do', () => {
    const message = stretchMessage('a.test.ts › big', { cpuMs: 9000, wallMs: 70_000 });
    expect(message).toContain('a.test.ts › big kept the test worker busy for 9.0 s of CPU (70.0 s of wall time)');
    expect(message).toContain(`limit ${(STRETCH_LIMIT_MS / 1000).toFixed(1)} s`);
    expect(message).toContain('setImmediate');
  });
});

describe('runChild', () => {
  it('gives the output and status of a child without blocking the loop', async () => {
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 5);
    const result = await runChild(process.execPath, [
      '-e',
      "process.stdout.write('é'.repeat(3)); process.stderr.write('err'); setTimeout(() => process.exit(3), 200)",
    ]);
    clearInterval(ticking);
    expect(result).toEqual({ status: 3, signal: null, stdout: 'ééé', stderr: 'err' });
    // The loop turned while the child lived.
    expect(ticks).toBeGreaterThan(3);
  });
});

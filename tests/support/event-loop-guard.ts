/**
 * Vitest setup file: no test keeps its worker's event loop blocked long enough to make Vitest's own
 * RPC time out on a loaded machine (`stretch-watch.ts` says why). The longest synchronous stretch of
 * each test (its hooks included) fails that test past `STRETCH_LIMIT_MS` of CPU, and a stretch
 * outside the tests (collecting the file, `beforeAll`, `afterAll`) fails the file; a stretch past
 * a third of the limit is printed, to be split before it grows.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { processClocks, STRETCH_LIMIT_MS, stretchMessage, StretchWatch, type Stretch } from './stretch-watch.ts';

const watch = new StretchWatch(processClocks());
// Taken now: a test that installs fake timers does not stop this one.
const timer = setInterval(() => watch.tick(), 100);
timer.unref();

/** `PALIMPSESTE_STRETCH_LIMIT_MS` sets another limit (the guard's own test uses a short one). */
const LIMIT_MS = Number(process.env.PALIMPSESTE_STRETCH_LIMIT_MS) || STRETCH_LIMIT_MS;
/** Printed past this (`PALIMPSESTE_STRETCH_NOTICE_MS` lowers it, to list every stretch worth a look). */
const NOTICE_MS = Number(process.env.PALIMPSESTE_STRETCH_NOTICE_MS) || LIMIT_MS / 3;
const file = () => path.relative(process.cwd(), expect.getState().testPath ?? 'this file');
let outside: Stretch = { cpuMs: 0, wallMs: 0 };

function keepOutside(stretch: Stretch): void {
  if (stretch.cpuMs > outside.cpuMs) outside = stretch;
}

/**
 * A stretch past the CPU limit fails only when its wall time also came near Vitest's 60 s (50 s):
 * there the run would fail anyway, with « Timeout calling onTaskUpdate » naming no test. Below, it
 * is printed: the final check of 2026-12-01 had two passing setups (electron-builder's spawnSync,
 * 16.6 s of CPU in 42 s; the TOC placement, 17.7 s in 44 s) failed by the CPU limit alone. The
 * guard's own test sets `PALIMPSESTE_STRETCH_LIMIT_MS` and judges by CPU only.
 */
const WALL_LIMIT_MS = process.env.PALIMPSESTE_STRETCH_LIMIT_MS ? 0 : 50_000;

function judge(where: string, stretch: Stretch): void {
  if (stretch.cpuMs > LIMIT_MS && stretch.wallMs > WALL_LIMIT_MS) throw new Error(stretchMessage(where, stretch, LIMIT_MS));
  if (stretch.cpuMs > NOTICE_MS)
    console.log(`[event loop] ${where}: ${(stretch.cpuMs / 1000).toFixed(1)} s of CPU without a breath (limit ${LIMIT_MS / 1000} s)`);
}

beforeEach(() => keepOutside(watch.takeLongest()));

afterEach((context) => judge(`${file()} › ${context.task.name}`, watch.takeLongest()));

afterAll(() => {
  clearInterval(timer);
  keepOutside(watch.takeLongest());
  judge(`${file()} (collecting it, or its beforeAll/afterAll hooks)`, outside);
});

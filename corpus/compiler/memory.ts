/**
 * A full garbage collection between the compile's stages. V8 lets its heap grow to about twice
 * what is live before it collects (the default limit here is 4 GB), so each stage's garbage — the
 * imports once merged, a code's articles once written — was still resident when the next stage
 * added its own: the peak RSS was about twice the live memory. A collection where a stage lets a
 * large part go brings the resident memory back to what is live before the next one grows.
 *
 * `gc()` is exposed by the `--expose-gc` flag; V8 still accepts that flag once running, and a new
 * context then has the function (Node offers no other way without restarting the process).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

function exposedGc(): (() => void) | undefined {
  const own = (globalThis as { gc?: () => void }).gc;
  if (typeof own === 'function') return own;
  setFlagsFromString('--expose-gc');
  const fromContext: unknown = runInNewContext('gc');
  return typeof fromContext === 'function' ? (fromContext as () => void) : undefined;
}

/** Collects now; false where the runtime offers no collection (then nothing happens). */
export function collectGarbage(): boolean {
  gc ??= exposedGc();
  if (!gc) return false;
  gc();
  return true;
}

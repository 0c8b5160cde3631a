/**
 * The build's voice: progress bars on a terminal (one per source or stage under way: the imports
 * run side by side), plain lines in CI (no terminal, or CI set), one every 10 % at most per source,
 * so logs stay readable. Warnings name source, path and line.
 */
import { MultiBar, type SingleBar } from 'cli-progress';
import type { CompileWarning } from '../../model/model.ts';
import type { CompileLog } from '../compile.ts';

/** Warnings printed one by one before they are only counted (the summary has the total). */
const WARNINGS_SHOWN = 50;

export function formatWarning(w: CompileWarning): string {
  return `avertissement : ${w.source} ${w.path}${w.line ? `:${w.line}` : ''} — ${w.message}`;
}

export function createCompileLog(stream: NodeJS.WriteStream): CompileLog {
  const interactive = Boolean(stream.isTTY) && !process.env.CI;
  // One bar per source or stage in progress: imports run side by side in worker threads.
  let bars: MultiBar | undefined;
  const barOf = new Map<string, SingleBar>();
  const lastPlain = new Map<string, number>();
  let warnings = 0;

  // A line above the bars while they run (they are drawn again below it), plain otherwise.
  const write = (line: string) => {
    if (bars) bars.log(`${line}\n`);
    else stream.write(`${line}\n`);
  };

  return {
    info(line) {
      write(line);
    },
    warn(warning) {
      warnings++;
      if (warnings <= WARNINGS_SHOWN) write(formatWarning(warning));
      else if (warnings === WARNINGS_SHOWN + 1) write('… autres avertissements comptés dans le résumé.');
    },
    error(line) {
      write(`erreur : ${line}`);
    },
    progress(label, done, total) {
      if (interactive) {
        bars ??= new MultiBar({ format: '{label} [{bar}] {percentage}% {value}/{total}', stream, hideCursor: true, clearOnComplete: true });
        const bar = barOf.get(label);
        if (!bar) barOf.set(label, bars.create(total, done, { label }));
        else {
          bar.setTotal(total);
          bar.update(done);
        }
        return;
      }
      const step = Math.floor((done / Math.max(total, 1)) * 10);
      if ((lastPlain.get(label) ?? -1) < step) {
        lastPlain.set(label, step);
        stream.write(`${label} : ${done}/${total}\n`);
      }
    },
    progressEnd(label) {
      const bar = barOf.get(label);
      if (bar && bars) {
        bars.remove(bar);
        barOf.delete(label);
        if (barOf.size === 0) {
          bars.stop();
          bars = undefined;
        }
      }
      lastPlain.delete(label);
    },
  };
}

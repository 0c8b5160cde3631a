/**
 * The build's voice: a progress bar on a terminal; in CI (no terminal, or CI set) plain lines, one
 * every 10 % at most, so logs stay readable. Warnings name source, path and line.
 */
import { SingleBar } from 'cli-progress';
import type { CompileWarning } from '../../model/model.ts';
import type { CompileLog } from '../compile.ts';

/** Warnings printed one by one before they are only counted (the summary has the total). */
const WARNINGS_SHOWN = 50;

export function formatWarning(w: CompileWarning): string {
  return `avertissement : ${w.source} ${w.path}${w.line ? `:${w.line}` : ''} — ${w.message}`;
}

export function createCompileLog(stream: NodeJS.WriteStream): CompileLog {
  const interactive = Boolean(stream.isTTY) && !process.env.CI;
  let bar: SingleBar | undefined;
  let barLabel = '';
  const lastPlain = new Map<string, number>();
  let warnings = 0;

  const stopBar = () => {
    bar?.stop();
    bar = undefined;
  };

  return {
    info(line) {
      stopBar();
      stream.write(`${line}\n`);
    },
    warn(warning) {
      warnings++;
      if (warnings <= WARNINGS_SHOWN) {
        stopBar();
        stream.write(`${formatWarning(warning)}\n`);
      } else if (warnings === WARNINGS_SHOWN + 1) {
        stopBar();
        stream.write('… autres avertissements comptés dans le résumé.\n');
      }
    },
    error(line) {
      stopBar();
      stream.write(`erreur : ${line}\n`);
    },
    progress(label, done, total) {
      if (interactive) {
        if (!bar || barLabel !== label) {
          stopBar();
          barLabel = label;
          bar = new SingleBar({
            format: `${label} [{bar}] {percentage}% {value}/{total}`,
            stream,
            hideCursor: true,
            clearOnComplete: true,
          });
          bar.start(total, done);
        } else {
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
      if (barLabel === label) stopBar();
      lastPlain.delete(label);
    },
  };
}

/**
 * Where a parser reports what it could not read: every warning names the source, the file and,
 * when known, the line (1-based), so that a bad file is reported and the rest goes on.
 */
import type { CompileWarning } from '../../../model/model.ts';

export interface ParseContext {
  /** Source id, as in `SourceInfo.id`. */
  source: string;
  /** File inside the source (`01. Partie législative/Article L611-3 - 6743538.md`), or the file given. */
  path: string;
  warnings: CompileWarning[];
  /** Added to the line numbers a parser reports (for a block read out of a larger file). */
  lineOffset?: number;
}

export function warn(ctx: ParseContext, line: number | undefined, message: string): void {
  const warning: CompileWarning = { source: ctx.source, path: ctx.path, message };
  if (line !== undefined) warning.line = line + (ctx.lineOffset ?? 0);
  ctx.warnings.push(warning);
}

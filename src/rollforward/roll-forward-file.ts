// `fundbook roll-forward` on files: load this period's file through the run's one loader (a file `check`
// accepts), roll it forward, and write the next period's file without ever overwriting one: the text goes to a
// temporary file beside the target, which is then hard-linked to the target's name (a link fails if
// the name exists, so two runs cannot both write it) and removed. Every message names the path it is about.
import { linkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatDiagnostic } from '../diagnostic.js';
import { validateInput } from '../pipeline/validated.js';
import { rollForward } from './roll-forward.js';

export type RollForwardResult = { written: string } | { error: string };

function folderProblem(folder: string): string | undefined {
  try {
    if (!statSync(folder).isDirectory()) return `${folder} is not a folder`;
  } catch {
    return `${folder}: no such folder`;
  }
  return undefined;
}

export function rollForwardFile(file: string, to: string, out?: string): RollForwardResult {
  // The run's one load of the file (the CLI's validation of it is the same, kept by sha256).
  const validated = validateInput(file);
  if (validated.errors.length > 0) return { error: validated.errors[0]! };
  const rolled = rollForward(validated.loaded, file, to);
  if ('refused' in rolled) return { error: formatDiagnostic(rolled.refused) };
  const text = rolled.text;
  return writeNewFile(out ?? join(dirname(file), `${to}.yaml`), text);
}

/** Write `text` to `target`, which must not exist (never overwritten, never half-written); fundbook init uses it too. */
export function writeNewFile(target: string, text: string): RollForwardResult {
  const folder = dirname(target);
  const missing = folderProblem(folder);
  if (missing) return { error: `cannot write ${target}: ${missing}` };
  try {
    const stat = statSync(target);
    return { error: stat.isDirectory() ? `${target} is a folder; --out names the file to write` : `${target} exists; it is never overwritten` };
  } catch {
    // Not there: good.
  }
  const temp = join(folder, `.fundbook-${process.pid}-new-file.tmp`);
  try {
    writeFileSync(temp, text);
    try {
      linkSync(temp, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { error: `${target} exists; it is never overwritten` };
      throw err;
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return { error: `cannot write ${target}: permission denied in ${folder}` };
    if (code === 'EROFS') return { error: `cannot write ${target}: ${folder} is on a read-only file system` };
    if (code === 'ENOSPC') return { error: `cannot write ${target}: no space left on the device` };
    return { error: `cannot write ${target}: ${code ?? (err as Error).message}` };
  } finally {
    rmSync(temp, { force: true });
  }
  return { written: target };
}

// `fundbook preview`: check the template folders, start the server, say where it is, and run until
// Ctrl-C (or SIGTERM) stops it.
import { formatDiagnostic } from '../diagnostic.js';
import { DOCUMENT_FORMATS } from '../pipeline/documents.js';
import { checkTemplateDirs } from '../render/templates.js';
import { startPreview, type PreviewOptions } from './preview-server.js';

export async function runPreview(options: PreviewOptions): Promise<number> {
  const problems = checkTemplateDirs(options.templates ?? [], DOCUMENT_FORMATS);
  for (const p of problems) console.error(`fundbook preview: ${formatDiagnostic(p)}`);
  if (problems.length > 0) return 1;
  let preview;
  try {
    preview = await startPreview({ ...options, log: (line) => console.log(line) });
  } catch (err) {
    console.error(`fundbook preview: cannot listen on ${options.host}:${options.port}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 1;
  }
  console.log(`fundbook preview of ${options.file}: ${preview.url} (Ctrl-C to stop)`);
  await new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await preview.close();
  return 0;
}

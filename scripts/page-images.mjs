// The IQM shareholder report's approved look: each page rendered by poppler's pdftoppm at a low
// resolution, kept as PNGs in test/page-images/iqm-2011-08-31/. test/shareholder-report.test.ts compares
// every page of the report it builds with these (pixelmatch) and writes a diff image where a page changed.
//
//   npm run approve-pages     build the IQM report and make its pages the approved images
//
// Approve only a look a reviewer has seen: the diff images in test/page-images/diff/ show what moved.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const APPROVED_DIR = join(ROOT, 'test', 'page-images', 'iqm-2011-08-31');
export const DIFF_DIR = join(ROOT, 'test', 'page-images', 'diff');
/** Pixels per inch: a US Letter page is 255 x 330 pixels, enough to see any layout change. */
export const RESOLUTION = 30;

/** Render every page of `pdf` into `dir` as page-01.png, page-02.png, ...; returns the file names. */
export function renderPages(pdf, dir) {
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', String(RESOLUTION), pdf, join(dir, 'page')]);
  // pdftoppm pads page numbers to the page count's digits; name them uniformly.
  for (const f of readdirSync(dir)) {
    const m = /^page-0*(\d+)\.png$/.exec(f);
    if (m) renameSync(join(dir, f), join(dir, `page-${m[1].padStart(2, '0')}.png`));
  }
  return readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = mkdtempSync(join(tmpdir(), 'fundbook-approve-'));
  try {
    // Built from the repository root with the relative path the test uses: a draft's open-items page
    // prints the input path as given, so an absolute path would make page 1 depend on the clone's folder.
    execFileSync(process.execPath, ['bin/fundbook.js', 'build', 'data/iqm/2011-08-31.yaml', '--out', out, '--only', 'report', '--no-diff', '--no-progress'], { stdio: 'inherit', cwd: ROOT });
    rmSync(APPROVED_DIR, { recursive: true, force: true });
    const pages = renderPages(join(out, 'iqm', '2011-08-31', 'shareholder-report.pdf'), APPROVED_DIR);
    rmSync(DIFF_DIR, { recursive: true, force: true });
    console.log(`approved ${pages.length} page images in test/page-images/iqm-2011-08-31/`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

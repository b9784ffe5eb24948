// The README's picture of `fundbook preview` (docs/images/preview.png): the IQM report at its
// performance page, with the findings beside it. Run after `npm run build`: node scripts/preview-screenshot.mjs
import { startPreview } from '../dist/preview/preview-server.js';
import { launchBrowser } from '../dist/render/browser.js';

const preview = await startPreview({ file: 'data/iqm/2011-08-31.yaml' });
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1240, height: 680 });
  await page.goto(`${preview.url}?doc=report#performance`);
  await page.waitForFunction(() => document.getElementById('doc')?.contentDocument?.getElementById('performance') && document.getElementById('doc').contentWindow.scrollY > 0, { polling: 100 });
  await page.screenshot({ path: 'docs/images/preview.png' });
  // Then, to keep the picture small (Debian's pngquant): pngquant --force --quality 60-80 --output docs/images/preview.png docs/images/preview.png
} finally {
  await browser.close();
  await preview.close();
}

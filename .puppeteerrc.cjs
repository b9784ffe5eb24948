// Where the machine has a system Chromium (Debian's `chromium` package), use it and skip Puppeteer's
// own browser download (which cannot reach its host on machines limited to package registries).
// Elsewhere Puppeteer downloads its pinned Chrome as usual.
const fs = require('node:fs');
const candidates = [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const system = candidates.find((p) => p && fs.existsSync(p));
module.exports = system ? { skipDownload: true, executablePath: system } : {};

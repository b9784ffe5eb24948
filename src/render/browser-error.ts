// Kept apart from browser.ts (which loads Chromium's driver) so that the CLI can name this error
// without loading the driver for commands that never print.

/** The browser could not be used; the message is one line that names the program. */
export class BrowserStartError extends Error {}

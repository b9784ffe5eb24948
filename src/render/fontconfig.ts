// Pin the fonts Chromium sees. Text layout (and so page breaks and page numbers) depends on every font
// and rendering setting fontconfig offers, and installing an unrelated package (ghostscript's fonts, say)
// moved the IQM report from 26 to 30 pages on one machine. fundbook therefore gives Chromium its own
// fontconfig file naming exactly the Debian font packages it uses, with fixed rendering settings.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** fonts-liberation and fonts-dejavu-core, as Debian installs them. */
export const FONT_DIRS = ['/usr/share/fonts/truetype/liberation', '/usr/share/fonts/truetype/dejavu'];

function fontconfigXml(dirs: readonly string[], cacheDir: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
${dirs.map((d) => `  <dir>${escape(d)}</dir>`).join('\n')}
  <cachedir>${escape(cacheDir)}</cachedir>
  <match target="font">
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="hinting" mode="assign"><bool>false</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintnone</const></edit>
    <edit name="autohint" mode="assign"><bool>false</bool></edit>
    <edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>
  </match>
</fontconfig>
`;
}

/**
 * Write fundbook's fontconfig file and return the environment for Chromium, or nothing when the font
 * packages are not installed (Chromium then uses the system's fonts, and the manifest says so).
 */
export function pinnedFontEnvironment(): { FONTCONFIG_FILE: string } | undefined {
  if (!FONT_DIRS.every((d) => existsSync(d))) return undefined;
  const dir = join(tmpdir(), `fundbook-fontconfig-${process.getuid?.() ?? 'user'}`);
  mkdirSync(join(dir, 'cache'), { recursive: true });
  const file = join(dir, 'fonts.conf');
  writeFileSync(file, fontconfigXml(FONT_DIRS, join(dir, 'cache')));
  return { FONTCONFIG_FILE: file };
}

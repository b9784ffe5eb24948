// docs/review.md says only what is true: its example review file loads clean, and every command and
// option it names is one `fundbook --help` lists.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { loadYamlText } from '../src/load/load-fund.js';
import { REVIEW_FILE } from '../src/review/review-file.js';
import { ReviewSchema } from '../src/review/schema.js';

const DOC = readFileSync('docs/review.md', 'utf8');
/** What `fundbook ...args --help` prints (the CLI's own commander program, in this process). */
async function help(...args: string[]): Promise<string> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    expect(await main([...args, '--help'])).toBe(0);
  } finally {
    write.mockRestore();
  }
  return out;
}

describe('docs/review.md', () => {
  it('its example review file loads without a problem', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(DOC)![1]!;
    const loaded = loadYamlText(example, 'docs/review.md', ReviewSchema, REVIEW_FILE);
    expect(loaded.problems).toEqual([]);
    expect(loaded.data!.acknowledged[0]!.path).toBe('performance.market_discount');
  });

  it('names only commands and options fundbook has', async () => {
    const commands = [...new Set([...DOC.matchAll(/`fundbook ([a-z-]+)/g)].map((m) => m[1]!))].sort();
    expect(commands).toEqual(['acknowledge', 'build', 'check', 'roll-forward', 'sign']);
    const top = await help();
    for (const c of commands) expect(top, c).toMatch(new RegExp(`^  ${c} `, 'm'));
    // Each option the doc gives a command, against that command's own help.
    for (const c of commands) {
      const own = await help(c);
      const lines = [...DOC.matchAll(new RegExp(`fundbook ${c} [^\`\\n]*`, 'g'))].map((m) => m[0]);
      for (const option of new Set(lines.flatMap((l) => l.match(/--[a-z]+/g) ?? []))) expect(own, `${c} ${option}`).toContain(option);
    }
    expect(await help('build')).toContain('--final');
    expect(await help('acknowledge')).toContain('--on <date>');
  });
});

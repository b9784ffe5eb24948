// How wide a line of text prints, and how many lines it takes in a column: from the advance widths of
// the very font files Chromium is pinned to (render/fontconfig.ts). Used to paginate tables
// in the view model, where a continued table needs to know its page breaks before it is printed.
import type * as Fontkit from 'fontkit';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FONT_DIRS } from '../render/fontconfig.js';

const FILES = { regular: 'LiberationSans-Regular.ttf', bold: 'LiberationSans-Bold.ttf' } as const;
type Weight = keyof typeof FILES;

interface Measurer {
  /** Width in em of `text`. */
  em(text: string): number;
}

const measurers = new Map<Weight, Measurer>();

function measurer(weight: Weight): Measurer {
  let m = measurers.get(weight);
  if (m) return m;
  const file = join(FONT_DIRS[0]!, FILES[weight]);
  if (existsSync(file)) {
    // Loaded at first use: a command that lays out no page (check, figures) never loads the font package.
    const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;
    const font = fontkit.openSync(file) as Fontkit.Font;
    // Each character's advance width, without kerning: Liberation Sans' kerning pairs only ever narrow a
    // line, so the sum errs on the wide side (by about 0.4%), and it is a hundred times faster than
    // shaping each word.
    const advance = new Map<number, number>();
    m = {
      em: (text) => {
        let sum = 0;
        for (const ch of text) {
          const cp = ch.codePointAt(0)!;
          let w = advance.get(cp);
          if (w === undefined) {
            w = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
            advance.set(cp, w);
          }
          sum += w;
        }
        return sum;
      },
    };
  } else {
    // Without the font package Chromium falls back to other fonts anyway; a generous average width
    // (Liberation Sans averages about 0.5 em) keeps the estimate on the safe side.
    m = { em: (text) => text.length * 0.6 };
  }
  measurers.set(weight, m);
  return m;
}

/** Width in points of `text` at `sizePt`. */
export function textWidth(text: string, sizePt: number, weight: Weight = 'regular'): number {
  return measurer(weight).em(text) * sizePt;
}

/** A run of text at one size (a footnote mark is a smaller run). */
export interface Run {
  text: string;
  sizePt: number;
  weight?: Weight;
}

/**
 * Lines the runs take in a column `widthPt` wide, breaking only at spaces (Chromium may also break after
 * a hyphen, so it never needs more lines than this).
 */
export function lineCount(runs: readonly Run[], widthPt: number): number {
  // Split into words: a word may span runs (a mark attaches to the word before it).
  const words: Run[][] = [[]];
  for (const run of runs) {
    run.text.split(/( )/).forEach((piece) => {
      if (piece === ' ') words.push([]);
      else if (piece) words.at(-1)!.push({ ...run, text: piece });
    });
  }
  const width = (word: Run[]) => word.reduce((sum, r) => sum + textWidth(r.text, r.sizePt, r.weight), 0);
  const space = textWidth(' ', runs[0]?.sizePt ?? 0, runs[0]?.weight);
  let lines = 1;
  let used = 0;
  for (const word of words.filter((w) => w.length)) {
    const w = width(word);
    if (used === 0) used = w;
    else if (used + space + w <= widthPt) used += space + w;
    else {
      lines++;
      used = w;
    }
    // A word longer than the column breaks anywhere (print.css: overflow-wrap: anywhere).
    while (used > widthPt) {
      lines++;
      used -= widthPt;
    }
  }
  return lines;
}

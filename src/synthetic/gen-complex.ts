// CLI: write a synthetic fund complex, or one showcase fund, as fund-period YAML files.
//
//   node dist/synthetic/gen-complex.js --funds N --out DIR [--seed S] [--periods P]
//        [--min-holdings A] [--max-holdings B] [--first-year Y]
//     -> DIR/<fund-id>/<period-end>.yaml for N funds, and DIR/record.json
//   node dist/synthetic/gen-complex.js --funds 1 --id ID --out DIR [--seed S] [--periods P]
//     -> DIR/ID/<period-end>.yaml for the showcase fund, and DIR/ID/generator-record.json
//
// The same arguments give byte-identical files. Existing files of the same names are overwritten;
// nothing else in DIR is touched.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateComplex, showcaseOptions } from './complex.js';
import { generateFund } from './generate-fund.js';

const USAGE = 'usage: gen-complex --funds N --out DIR [--seed S] [--periods P] [--min-holdings A] [--max-holdings B] [--first-year Y] [--id FUND-ID]';

function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new Error(`--${name} takes a whole number, not "${text}"`);
  return Number(text);
}

function writeFile(path: string, text: string): void {
  writeFileSync(path, text, 'utf8');
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      funds: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      periods: { type: 'string' },
      'min-holdings': { type: 'string' },
      'max-holdings': { type: 'string' },
      'first-year': { type: 'string' },
      id: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out || !values.funds) {
    console.error(USAGE);
    return 2;
  }
  const funds = integer('funds', values.funds, 1);
  const periods = integer('periods', values.periods, 3);
  const seed = values.seed ?? '1';
  const firstYear = integer('first-year', values['first-year'], 2023);
  const started = performance.now();
  let files = 0;

  if (values.id !== undefined) {
    if (funds !== 1) throw new Error('--id names one fund: use it with --funds 1');
    const options = showcaseOptions(seed, values.id, periods, firstYear);
    const generated = generateFund(options);
    const dir = join(values.out, values.id);
    mkdirSync(dir, { recursive: true });
    for (const p of generated.periods) {
      writeFile(join(dir, `${p.periodEnd}.yaml`), p.yaml);
      files++;
    }
    const record = {
      generator: 'src/synthetic/gen-complex.ts',
      // The output directory is left out, so that regenerating elsewhere reproduces this record too.
      regenerate: `node dist/synthetic/gen-complex.js --funds 1 --periods ${periods} --seed ${seed} --id ${values.id}${firstYear === 2023 ? '' : ` --first-year ${firstYear}`} --out <directory holding ${values.id}/>`,
      args: { funds: 1, periods, seed, id: values.id, firstYear },
      ...generated.record,
    };
    writeFile(join(dir, 'generator-record.json'), `${JSON.stringify(record, null, 2)}\n`);
  } else {
    const { funds: generated, record } = generateComplex({
      seed,
      funds,
      periods,
      minHoldings: integer('min-holdings', values['min-holdings'], 50),
      maxHoldings: integer('max-holdings', values['max-holdings'], 600),
      firstYear,
    });
    for (const f of generated) {
      const dir = join(values.out, f.fundId);
      mkdirSync(dir, { recursive: true });
      for (const p of f.generated.periods) {
        writeFile(join(dir, `${p.periodEnd}.yaml`), p.yaml);
        files++;
      }
    }
    mkdirSync(values.out, { recursive: true });
    writeFile(join(values.out, 'record.json'), `${JSON.stringify(record, null, 2)}\n`);
  }
  const ms = Math.round(performance.now() - started);
  console.error(`gen-complex: wrote ${files} fund-period files to ${values.out} in ${ms} ms`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(`gen-complex: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}

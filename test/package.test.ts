// fundbook as a package: `npm pack` the tarball, install it into a scratch project without the network
// (the tarball unpacked into node_modules/fundbook, its production dependencies linked from this
// checkout's node_modules; the machine's npm cache lacks their registry metadata for `npm install
// --offline`), then run its bin and import it from TypeScript with its types.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANG_MS } from './hang.js';
import { runCli } from './run-cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const IQM = join(ROOT, 'data', 'iqm', '2011-08-31.yaml');
const PRIOR = join(ROOT, 'data', 'iqm', '2011-02-28.yaml');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

let work: string;
let project: string;
let packed: string[];

const run = (cmd: string, args: string[], cwd: string) => spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: HANG_MS });

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fundbook-package-'));
  // dist/ is built (`npm test` compiles first); --ignore-scripts packs it as it is.
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', timeout: HANG_MS });
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  packed = info!.files.map((f) => f.path).sort();
  project = join(work, 'project');
  const installed = join(project, 'node_modules', 'fundbook');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, info!.filename), '-C', installed, '--strip-components=1']);
  // The production dependencies only (a module that needs a devDependency fails here), linked.
  const deps = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .map((p) => relative(join(ROOT, 'node_modules'), p))
    .filter((p) => p && !p.startsWith('..') && !p.includes(`${sep}node_modules${sep}`));
  for (const dep of new Set(deps)) {
    const link = join(project, 'node_modules', dep);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), link, 'dir');
  }
  // A TypeScript project has Node's types of its own.
  mkdirSync(join(project, 'node_modules', '@types'), { recursive: true });
  const nodeTypes = join(project, 'node_modules', '@types', 'node');
  if (!existsSync(nodeTypes)) symlinkSync(join(ROOT, 'node_modules', '@types', 'node'), nodeTypes, 'dir');
  mkdirSync(join(project, 'node_modules', '.bin'));
  symlinkSync('../fundbook/bin/fundbook.js', join(project, 'node_modules', '.bin', 'fundbook'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module', dependencies: { fundbook: '0.1.0' } }));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('ships dist/ with type declarations, bin/, templates/ and docs/, and no tests, data, sources or output', () => {
    for (const f of ['bin/fundbook.js', 'dist/cli.js', 'dist/index.js', 'dist/index.d.ts', 'dist/render/fontconfig.js', 'templates/shareholder-report/report.hbs', 'docs/library.md', 'README.md', 'package.json']) {
      expect(packed, f).toContain(f);
    }
    for (const prefix of ['test/', 'data/', 'src/', 'output/', 'scripts/', 'dist/bench/', '.ci/']) {
      expect(packed.filter((f) => f.startsWith(prefix)), prefix).toEqual([]);
    }
    expect(packed.filter((f) => /\.test\./.test(f))).toEqual([]);
  });

  it('installed, its bin checks a fund-period file: exit 0, what the checkout\'s check prints', async () => {
    const r = run(join(project, 'node_modules', '.bin', 'fundbook'), ['check', IQM], project);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe((await runCli(['check', IQM])).stdout);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/: 159 tie-outs checked, 2 failed; 0 errors, \d+ warnings$/);
  });

  it('imports from TypeScript with types: a type error is caught, the API loads, computes and diffs IQM', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: ['node'] } }),
    );
    writeFileSync(
      join(project, 'wrong.ts'),
      `import { loadFund } from 'fundbook';\nconst count: string = loadFund('x.yaml').errors;\nexport { count };\n`,
    );

    writeFileSync(
      join(project, 'main.ts'),
      [
        `import { loadFund, loadFundFromText, computeFigures, diffPeriods, type Diagnostic, type LoadedFundPeriod } from 'fundbook';`,
        `import { readFileSync } from 'node:fs';`,
        `const iqm: LoadedFundPeriod = loadFund(${JSON.stringify(IQM)});`,
        `const prior = loadFund(${JSON.stringify(PRIOR)});`,
        `const figures = computeFigures(iqm.fund!);`,
        `const warnings: Diagnostic[] = iqm.diagnostics.filter((d) => d.severity === 'warning');`,
        `const broken = loadFundFromText(readFileSync(${JSON.stringify(IQM)}, 'utf8').replace('advisory_fees: 377,455', 'advisory_fees: 37x,455'), 'broken.yaml');`,
        `const diff = diffPeriods(prior, iqm);`,
        `console.log(JSON.stringify({`,
        `  errors: iqm.errors, warnings: warnings.length, tieOuts: figures.tieOuts.length, perShare: iqm.figuresJson?.preferredCoverage?.perShare,`,
        `  broken: broken.diagnostics.filter((d) => d.severity === 'error').map((d) => \`\${d.file}:\${d.line} \${d.path}: \${d.message}\`),`,
        `  variances: diff.variances.length > 0, fund: diff.fund.id,`,
        `}));`,
      ].join('\n'),
    );
    // One compile of both files: the one error is wrong.ts's; main.ts compiles clean (and is emitted).
    const compiled = run(process.execPath, [TSC, '-p', '.'], project);
    expect(compiled.stderr).toBe('');
    expect(compiled.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^wrong\.ts\(2,7\): error TS2322: Type 'number' is not assignable to type 'string'\.$/)]);
    expect(compiled.status).not.toBe(0);
    const r = run(process.execPath, ['main.js'], project);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out.warnings).toBeGreaterThanOrEqual(8);
    expect(out).toMatchObject({ errors: 0, tieOuts: 159, perShare: '227044', variances: true, fund: 'iqm' });
    expect(out.broken).toEqual([expect.stringMatching(/^broken\.yaml:\d+ statements\.operations\.expenses\.advisory_fees: "37x,455" is not an amount/)]);
  });

  it('builds IQM\'s shareholder report to buffers through the library, nothing written', () => {
    writeFileSync(
      join(project, 'build.mjs'),
      [
        `import { buildDocuments } from 'fundbook';`,
        `const built = await buildDocuments(${JSON.stringify(IQM)}, { only: 'report', write: false, outDir: 'never-written' });`,
        `console.log(JSON.stringify({ ok: built.ok, outDir: built.outDir, files: Object.fromEntries(Object.entries(built.files).map(([n, b]) => [n, Buffer.from(b.subarray(0, 4)).toString('latin1')])) }));`,
      ].join('\n'),
    );
    const r = run(process.execPath, ['build.mjs'], project);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      ok: true,
      outDir: join('never-written', 'iqm', '2011-08-31'),
      files: { 'shareholder-report.pdf': '%PDF', 'figures.json': '{\n  ', 'tie-outs.xlsx': 'PK\u0003\u0004', 'manifest.json': '{\n  ' },
    });
    expect(readFileSync(join(project, 'package.json'), 'utf8')).not.toContain('never-written');
    expect(spawnSync('ls', [join(project, 'never-written')]).status).not.toBe(0);
  });
});

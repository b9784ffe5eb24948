// A template checked before it is used, from Handlebars' own parse tree: a syntax error, a helper or
// partial that does not exist, and (in a user's template) unescaped output are errors naming the file,
// line and column. Handlebars itself finds an unknown partial only when it is reached while printing,
// and an unknown helper only where the call is unambiguous (knownHelpersOnly), so the check walks the
// whole tree: every block, every parameter, every branch.
import Handlebars from 'handlebars';
import type { Diagnostic } from '../diagnostic.js';

/** The helpers a template may call: Handlebars' built-ins and fundbook's two formatters (templates.ts). */
export const KNOWN_HELPERS = { markdown: true, cssString: true } as const;
const HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', ...Object.keys(KNOWN_HELPERS)]);

/** Templates that cannot be used, each problem a located diagnostic. */
export class TemplateError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.location?.file}:${d.location?.line}:${d.location?.col} ${d.message}`).join('; '));
    this.name = 'TemplateError';
  }
}

type Node = hbs.AST.Node & { loc: hbs.AST.SourceLocation };

/**
 * The problems of template `text` (from `file`): `partials` are the names it may include; unescaped
 * output ({{{x}}}, {{&x}}) is refused unless `allowUnescaped`.
 */
export function checkTemplate(text: string, file: string, options: { partials: ReadonlySet<string>; allowUnescaped: boolean }): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const at = (node: Node, code: string, message: string) =>
    problems.push({ severity: 'error', code, location: { file, line: node.loc.start.line, col: node.loc.start.column + 1 }, message });
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(text);
  } catch (err) {
    // Handlebars' parse errors say "Parse error on line N:" or end in " - N:C".
    const message = (err as Error).message;
    const m = /on line (\d+)/.exec(message) ?? / - (\d+):(\d+)$/.exec(message);
    const col = (err as { column?: number }).column;
    const line = m ? Number(m[1]) : 1;
    const summary = message.split('\n').filter((l) => !/^[-.]*\^?$/.test(l.trim())).at(-1) ?? message;
    problems.push({ severity: 'error', code: 'TEMPLATE_SYNTAX', location: { file, line, col: typeof col === 'number' ? col + 1 : 1 }, message: `not a valid Handlebars template: ${summary.replace(/ - \d+:\d+$/, '')}` });
    return problems;
  }
  // Inline partials ({{#*inline "name"}}) the file defines: known partials within it.
  const partials = new Set(options.partials);
  const inlines = (program: hbs.AST.Program | undefined) => {
    for (const node of program?.body ?? []) {
      const block = node as hbs.AST.BlockStatement;
      if (node.type === 'DecoratorBlock' && (block.path as hbs.AST.PathExpression).original === 'inline' && block.params[0]?.type === 'StringLiteral') {
        partials.add((block.params[0] as hbs.AST.StringLiteral).value);
      }
      if ('program' in node) inlines(block.program);
      if ('inverse' in node) inlines(block.inverse);
    }
  };
  inlines(ast);
  const expressions = (node: hbs.AST.Expression | undefined) => {
    if (node?.type === 'SubExpression') call(node as hbs.AST.SubExpression, true);
  };
  // A mustache, block or subexpression calls a helper when it has parameters (or is a subexpression).
  const call = (node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression, isHelper: boolean) => {
    const path = node.path as hbs.AST.PathExpression;
    const hash = node.hash?.pairs ?? [];
    if ((isHelper || node.params.length > 0 || hash.length > 0) && path.type === 'PathExpression' && !HELPERS.has(path.original)) {
      at(node as Node, 'TEMPLATE_HELPER', `no helper "${path.original}": a template may use ${[...HELPERS].join(', ')} (templates only format; docs/templates.md)`);
    }
    for (const p of node.params) expressions(p);
    for (const pair of hash) expressions(pair.value);
  };
  const walk = (program: hbs.AST.Program | undefined) => {
    for (const node of program?.body ?? []) {
      switch (node.type) {
        case 'MustacheStatement': {
          const m = node as hbs.AST.MustacheStatement;
          if (!m.escaped && !options.allowUnescaped) at(m as Node, 'TEMPLATE_UNESCAPED', 'prints without escaping ({{{ }}} or {{& }}); a user\'s template prints data escaped, use {{ }}');
          call(m, false);
          break;
        }
        case 'BlockStatement': {
          const b = node as hbs.AST.BlockStatement;
          call(b, false);
          walk(b.program);
          walk(b.inverse);
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement': {
          const p = node as hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement;
          // A partial named by a value ({{> (lookup . "style")}}) can only be checked when it is printed.
          if (p.name.type === 'SubExpression') call(p.name as hbs.AST.SubExpression, true);
          const named = p.name as hbs.AST.PathExpression | hbs.AST.SubExpression | hbs.AST.StringLiteral;
          const name = named.type === 'PathExpression' ? named.original : named.type === 'StringLiteral' ? named.value : undefined;
          if (name !== undefined && !partials.has(name)) at(p as Node, 'TEMPLATE_PARTIAL', `no partial "${name}"; this document has ${[...options.partials].sort().join(', ')}`);
          for (const param of p.params) expressions(param);
          if (node.type === 'PartialBlockStatement') walk((node as hbs.AST.PartialBlockStatement).program);
          break;
        }
        case 'DecoratorBlock': {
          const b = node as hbs.AST.BlockStatement;
          if ((b.path as hbs.AST.PathExpression).original === 'inline') walk(b.program);
          else at(b as Node, 'TEMPLATE_DECORATOR', 'decorators ({{* }}) other than {{#*inline}} are not supported');
          break;
        }
        case 'Decorator':
          at(node as Node, 'TEMPLATE_DECORATOR', 'decorators ({{* }}) other than {{#*inline}} are not supported');
          break;
      }
    }
  };
  walk(ast);
  return problems;
}

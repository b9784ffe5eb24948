// A small, deterministic YAML writer for fund-period files: block mappings and sequences, plain scalars
// where they are safe and double-quoted (JSON) scalars otherwise, literal blocks for Markdown, flow
// lists for footnote marks. Every value is text: the loader reads the file with the failsafe schema.

export type YamlValue = string | YamlBlock | YamlFlow | YamlValue[] | YamlMap;
interface YamlBlock { readonly $block: string }
interface YamlFlow { readonly $flow: readonly string[] }
export interface YamlMap { readonly [key: string]: YamlValue | undefined }

export const block = (text: string): YamlBlock => ({ $block: text });
export const flow = (items: readonly string[]): YamlFlow => ({ $flow: items });

const isBlock = (v: unknown): v is YamlBlock => typeof v === 'object' && v !== null && '$block' in v;
const isFlow = (v: unknown): v is YamlFlow => typeof v === 'object' && v !== null && '$flow' in v;

// Plain when it cannot be read as anything but this text: letters, digits, spaces and a few marks, not
// starting with an indicator (a leading minus only before a digit), no ": " and no " #".
const PLAIN = /^(?:[A-Za-z0-9(]|-(?=\d))[A-Za-z0-9_ ,.()%$/&'+-]*$/;

function scalar(text: string): string {
  if (text === '') return '""';
  if (PLAIN.test(text) && !text.endsWith(' ') && !text.includes(': ') && !text.includes(' #')) return text;
  return JSON.stringify(text);
}

function flowItem(text: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(text) ? text : JSON.stringify(text);
}

function blockLines(text: string, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return body.split('\n').map((line) => (line.trim() === '' ? '' : `${pad}${line}`));
}

function emitMap(map: YamlMap, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    if (typeof value === 'string') out.push(`${pad}${key}: ${scalar(value)}`);
    else if (isBlock(value)) {
      out.push(`${pad}${key}: ${value.$block.endsWith('\n') ? '|' : '|-'}`);
      out.push(...blockLines(value.$block, indent + 2));
    } else if (isFlow(value)) out.push(`${pad}${key}: [${value.$flow.map(flowItem).join(', ')}]`);
    else if (Array.isArray(value)) {
      if (value.length === 0) out.push(`${pad}${key}: []`);
      else {
        out.push(`${pad}${key}:`);
        emitSeq(value, indent + 2, out);
      }
    } else {
      const entries = Object.values(value).filter((v) => v !== undefined);
      if (entries.length === 0) out.push(`${pad}${key}: {}`);
      else {
        out.push(`${pad}${key}:`);
        emitMap(value, indent + 2, out);
      }
    }
  }
}

function emitSeq(items: readonly YamlValue[], indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  for (const item of items) {
    if (typeof item === 'string') out.push(`${pad}- ${scalar(item)}`);
    else if (isBlock(item)) {
      out.push(`${pad}- ${item.$block.endsWith('\n') ? '|' : '|-'}`);
      out.push(...blockLines(item.$block, indent + 2));
    } else if (isFlow(item)) out.push(`${pad}- [${item.$flow.map(flowItem).join(', ')}]`);
    else if (Array.isArray(item)) {
      out.push(`${pad}-`);
      emitSeq(item, indent + 2, out);
    } else {
      const start = out.length;
      emitMap(item, indent + 2, out);
      if (out.length === start) out.push(`${pad}- {}`);
      else out[start] = `${pad}- ${out[start]!.slice(indent + 2)}`;
    }
  }
}

/** The document: `header` lines become `# ` comments above it. */
export function emitYaml(doc: YamlMap, header: readonly string[] = []): string {
  const out = header.map((line) => (line === '' ? '#' : `# ${line}`));
  emitMap(doc, 0, out);
  return `${out.join('\n')}\n`;
}

// Narrative Markdown -> HTML: markdown-it with raw HTML off. Image syntax prints as the text it is
// (never an image, never a link), and only http:, https: and mailto: URLs become links; any other link
// prints literally. Text from a data file can never become markup or a request.
import MarkdownIt from 'markdown-it';

/** The URL schemes a Markdown link may have: anything else prints as written. */
const LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

type InlineRule = (state: { pos: number; src: string; push(type: string, tag: string, nesting: number): { content: string } }, silent: boolean) => boolean;

function markdownRenderer(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = (url) => LINK_SCHEMES.some((scheme) => url.trim().toLowerCase().startsWith(scheme));
  // Image syntax, `![alt](url)`, is kept as the literal text it was written as. (Disabling the image rule
  // is not enough: `!` then becomes text and `[alt](url)` a link.) The image rule, asked silently, says
  // where the image syntax ends.
  const rules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] }).__rules__;
  const image = rules.find((r) => r.name === 'image')!.fn;
  md.inline.ruler.at('image', ((state, silent) => {
    const start = state.pos;
    if (!image(state, true)) return false;
    if (!silent) state.push('text', '', 0).content = state.src.slice(start, state.pos);
    return true;
  }) as InlineRule as never);
  return md;
}

const md = markdownRenderer();

export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** Where an EDGAR document may link outside itself: filings in the SEC's own archive (docs/edgar.md). */
export const EDGAR_ARCHIVES = /^https?:\/\/www\.sec\.gov\/Archives\/edgar\/data\//i;

// The EDGAR variant: EDGAR's HTML has no table sections (thead/tbody) and no <s>, so Markdown tables
// and strikethrough print as the text they were written as; a link anywhere but the SEC's archive
// prints as its text followed by its address, never as a link (EDGAR accepts no external reference).
function edgarRenderer(): MarkdownIt {
  const md = markdownRenderer();
  md.disable(['table', 'strikethrough']);
  const hrefOf = (tokens: { type: string; attrGet(name: string): string | null }[], idx: number) => {
    for (let i = idx; i >= 0; i--) if (tokens[i]!.type === 'link_open') return tokens[i]!.attrGet('href') ?? '';
    return '';
  };
  const defaultOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  const defaultClose = md.renderer.rules.link_close ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => (EDGAR_ARCHIVES.test(hrefOf(tokens, idx)) ? defaultOpen(tokens, idx, options, env, self) : '');
  md.renderer.rules.link_close = (tokens, idx, options, env, self) => {
    const href = hrefOf(tokens, idx);
    if (EDGAR_ARCHIVES.test(href)) return defaultClose(tokens, idx, options, env, self);
    // The link's text, from its opening token to here; the address follows unless the text is it.
    let open = idx;
    while (open > 0 && tokens[open]!.type !== 'link_open') open--;
    const text = tokens.slice(open + 1, idx).map((t) => t.content).join('');
    const address = href.replace(/^mailto:/i, '');
    return text.trim() === address || text.trim() === href ? '' : ` (${md.utils.escapeHtml(address)})`;
  };
  return md;
}

const edgarMd = edgarRenderer();

/** Narrative Markdown for an EDGAR document: EDGAR's tags only, no link outside the SEC's archive. */
export function renderEdgarMarkdown(text: string): string {
  return edgarMd.render(text);
}

// Narrative Markdown -> HTML: markdown-it with raw HTML off. Image syntax prints as the text it is
// (never an image, never a link), and only http:, https: and mailto: URLs become links; any other link
// prints literally. Text from a data file can never become markup or a request.
import MarkdownIt from 'markdown-it';

/** The URL schemes a Markdown link may have: anything else prints as written. */
export const LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

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

import { describe, expect, it } from 'vitest';
import { renderEdgarMarkdown, renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('prints image syntax literally, never as an image or a link, whatever the URL', () => {
    expect(renderMarkdown('See ![chart](http://example.com/x.png) here.')).toBe('<p>See ![chart](http://example.com/x.png) here.</p>\n');
    expect(renderMarkdown('![x](file:///etc/passwd "t")')).toBe('<p>![x](file:///etc/passwd &quot;t&quot;)</p>\n');
    expect(renderMarkdown('[![x](https://a.example/i.png)](https://b.example/)')).toBe('<p><a href="https://b.example/">![x](https://a.example/i.png)</a></p>\n');
  });
  it('makes links of http:, https: and mailto: URLs only', () => {
    expect(renderMarkdown('[a](https://www.sec.gov/) [b](http://x.example/) [c](mailto:ir@example.com)')).toBe(
      '<p><a href="https://www.sec.gov/">a</a> <a href="http://x.example/">b</a> <a href="mailto:ir@example.com">c</a></p>\n',
    );
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'ftp://x.example/', 'tel:+15551234', 'chrome://settings', '#notes', 'notes.html', '//x.example/']) {
      expect(renderMarkdown(`[t](${url})`)).not.toContain('<a');
    }
  });
  it('keeps raw HTML as text', () => {
    expect(renderMarkdown('<img src="http://x.example/">')).toBe('<p>&lt;img src=&quot;http://x.example/&quot;&gt;</p>\n');
  });
});

describe('renderEdgarMarkdown (docs/edgar.md)', () => {
  it('keeps a link to a filing in the SEC archive', () => {
    expect(renderEdgarMarkdown('See [the annual report](https://www.sec.gov/Archives/edgar/data/885125/0000950123-11-000001.txt).')).toBe(
      '<p>See <a href="https://www.sec.gov/Archives/edgar/data/885125/0000950123-11-000001.txt">the annual report</a>.</p>\n',
    );
  });

  it('prints any other link as its text and address, and an address written as its own text once', () => {
    expect(renderEdgarMarkdown('Visit [our site](https://invesco.com/us) or <https://invesco.com/us> or [mail](mailto:a@b.com).')).toBe(
      '<p>Visit our site (https://invesco.com/us) or https://invesco.com/us or mail (a@b.com).</p>\n',
    );
    expect(renderEdgarMarkdown('[EDGAR](https://www.sec.gov/)')).toBe('<p>EDGAR (https://www.sec.gov/)</p>\n');
  });

  it('prints a Markdown table and strikethrough as the text they were written as (EDGAR has no <thead>, no <s>)', () => {
    const html = renderEdgarMarkdown('| a | b |\n| - | - |\n| 1 | 2 |\n\n~~gone~~');
    expect(html).not.toMatch(/<table|<thead|<tbody|<s>/);
    expect(html).toContain('| a | b |');
    expect(html).toContain('~~gone~~');
  });
});

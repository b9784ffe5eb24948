import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

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

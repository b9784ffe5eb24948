// The EDGAR check catches each rule's violation: a small conforming document passes, and each variant
// that breaks one rule is refused for that rule (and only that one).
import { describe, expect, it } from 'vitest';
import { asciiHtml } from './ascii-html.js';
import { checkEdgarHtml } from './check-edgar.js';
import { edgarFileName, edgarFileNameProblem } from './file-name.js';

const doc = (body: string) => `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">
<html>
<head>
<title>Report</title>
</head>
<body style="font-family: Times">
<a href="#notes">Notes</a>
<a name="notes"></a><h1>Notes</h1>
<table cellpadding="0" cellspacing="0"><tr><td align="right" style="border-top: 1px solid #000">1,234</td></tr></table>
${body}
</body>
</html>`;

const rules = (html: string, name = 'iqm20110831.htm', siblings: string[] = []) => [...new Set(checkEdgarHtml(name, html, siblings).map((v) => v.rule))];

describe('checkEdgarHtml', () => {
  it('passes a document that keeps every rule, with a link to the archive and a local JPEG', () => {
    const html = doc('<p><a href="https://www.sec.gov/Archives/edgar/data/885125/0000950123-11-000001.txt">prior filing</a> <img src="chart1.jpg" alt="chart"> &amp; &#8212;</p>');
    expect(checkEdgarHtml('iqm20110831.htm', html, ['chart1.jpg'])).toEqual([]);
  });

  it.each([
    ['element', '<span>x</span>'],
    ['element', '<table><thead><tr><td>x</td></tr></thead></table>'],
    ['element', '<style>p { color: red }</style>'],
    ['active-content', '<script>alert(1)</script>'],
    ['active-content', '<iframe src="x.htm"></iframe>'],
    ['active-content', '<object data="x.swf"></object>'],
    ['active-content', '<form><input name="q"></form>'],
    ['active-content', '<p onclick="go()">x</p>'],
    ['attribute', '<p target="_blank">x</p>'],
    ['external-reference', '<a href="https://example.com/">x</a>'],
    ['external-reference', '<a href="//example.com/x">x</a>'],
    ['external-reference', '<img src="https://example.com/x.gif" alt="">'],
    ['external-reference', '<p style="background: url(x.gif)">x</p>'],
    ['local-link', '<a href="#nowhere">x</a>'],
    ['local-link', '<a href="other.htm">x</a>'],
    ['image', '<img src="chart.png" alt="">'],
    ['image', '<img src="missing.gif" alt="">'],
    ['nested-table', '<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>'],
    ['ascii', '<p>em\u2014dash</p>'],
    ['ascii', '<p>smart \u201cquotes\u201d</p>'],
    ['entity', '<p>&mdash;</p>'],
  ])('finds %s in %s', (rule, body) => {
    expect(rules(doc(body))).toEqual([rule]);
  });

  it('refuses <meta http-equiv> (a refresh) as active content', () => {
    expect(rules(doc('').replace('<title>', '<meta http-equiv="refresh" content="0; url=x.htm"><title>'))).toEqual(['active-content']);
  });

  it('refuses a file name EDGAR does not take', () => {
    expect(rules(doc(''), 'IQM Report.htm')).toEqual(['file-name']);
    expect(rules(doc(''), 'a'.repeat(30) + '.htm')).toEqual(['file-name']);
    expect(rules(doc(''), 'report.html')).toEqual(['file-name']);
    expect(rules(doc(''), 'chart.gif')).toEqual(['file-name']);
  });

  it('gives the line of the violation', () => {
    const html = doc('<span>x</span>');
    expect(checkEdgarHtml('iqm20110831.htm', html)[0]!.line).toBe(html.split('\n').findIndex((l) => l.includes('<span>')) + 1);
  });

  it('accepts elements the parser implies without counting them (tbody in a table)', () => {
    expect(rules(doc('<table><tr><td>1</td></tr></table>'))).toEqual([]);
  });
});

describe('EDGAR file names and characters', () => {
  it('names the fund-period file in letters and digits, at most 32 characters', () => {
    expect(edgarFileName('iqm', '2011-08-31')).toBe('iqm20110831.htm');
    expect(edgarFileName('Synthetic-Muni_2', '2012-02-29')).toBe('syntheticmuni220120229.htm');
    expect(edgarFileName('4th-fund', '2012-02-29')).toBe('f4thfund20120229.htm');
    const long = edgarFileName('a-very-long-fund-identifier-indeed', '2012-02-29');
    expect(long.length).toBeLessThanOrEqual(32);
    expect(edgarFileNameProblem(long)).toBeUndefined();
  });

  it('writes every character beyond ASCII as a numeric reference', () => {
    expect(asciiHtml('<p>a\u2014b \u201cq\u201d \u00a7 \u{1F600}</p>')).toBe('<p>a&#8212;b &#8220;q&#8221; &#167; &#128512;</p>');
  });
});

import { describe, expect, it } from 'vitest';
import { findUnsafeMarkup, toPlainText } from './content-rules.ts';
import { SNIPPET_MAX, buildSnippet, escapeHtml, snippetToText } from './snippet.ts';

const visibleLength = (snippet: string) => snippetToText(snippet).replace(/[【】…]/gu, '').length;

describe('buildSnippet', () => {
  it('shows short content whole with every match marked', () => {
    expect(buildSnippet('缴费标准为每人每年400元，缴费时间为9月至12月。', ['缴费'])).toBe(
      '<mark>缴费</mark>标准为每人每年400元，<mark>缴费</mark>时间为9月至12月。',
    );
  });

  it('picks the window with the most different query words, cut with …', () => {
    const filler = '本市各级政务服务中心提供综合窗口服务。'.repeat(8);
    const content = `${filler}办理居住证需要本人身份证和居住证明，材料齐全的当场受理。${filler}`;
    const s = buildSnippet(content, ['居住证', '身份证']);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('<mark>居住证</mark>');
    expect(s).toContain('<mark>身份证</mark>');
    expect(visibleLength(s)).toBeGreaterThanOrEqual(80);
    expect(visibleLength(s)).toBeLessThanOrEqual(SNIPPET_MAX);
  });

  it('starts at the sentence of the first match when it is near', () => {
    const content = `${'甲'.repeat(200)}。公积金提取需要身份证明。${'乙'.repeat(200)}`;
    expect(buildSnippet(content, ['公积金'])).toMatch(/^…<mark>公积金<\/mark>提取/u);
  });

  it('prefers the longest word where words overlap', () => {
    expect(buildSnippet('办理公交卡', ['公交', '公交卡'])).toBe('办理<mark>公交卡</mark>');
  });

  it('escapes the content as HTML, matches included', () => {
    const s = buildSnippet('<b>注意</b> & "医保" <script>x</script>', ['医保', '<b>']);
    expect(s).toBe(
      '<mark>&lt;b&gt;</mark>注意&lt;/b&gt; &amp; &quot;<mark>医保</mark>&quot; &lt;script&gt;x&lt;/script&gt;',
    );
    expect(s).not.toMatch(/<(?!\/?mark>)/u);
  });

  it('matches latin words case-insensitively', () => {
    expect(buildSnippet('下载 APP 办理', ['app'])).toBe('下载 <mark>APP</mark> 办理');
  });

  it('begins at the start when no query word is in the content', () => {
    const s = buildSnippet('一'.repeat(300), ['医保']);
    expect(s).toBe(`${'一'.repeat(100)}…`);
  });

  it('reads Markdown as its words', () => {
    expect(
      buildSnippet('## 办理地点\n- 市政务服务中心 **二楼**\n- [网上办理](https://example.cn)', ['办理']),
    ).toBe('<mark>办理</mark>地点 市政务服务中心 二楼 网上<mark>办理</mark>');
  });
});

describe('snippetToText', () => {
  it('shows marks as 【】 and undoes the escapes', () => {
    expect(snippetToText('a &lt;b&gt; <mark>医保</mark> &amp; &quot;c&#39;')).toBe('a <b> 【医保】 & "c\'');
  });
});

describe('content rules', () => {
  it.each([
    ['年龄<60岁的参保人', null],
    ['第一行<br>第二行', null],
    ['**加粗** 与 [链接](https://www.gov.cn)', null],
    ['<script>alert(1)</script>', 'raw HTML'],
    ['<img src=x onerror=alert(1)>', 'raw HTML'],
    ['[点我](javascript:alert(1))', 'javascript:'],
  ])('%s', (content, problem) => {
    const found = findUnsafeMarkup(content);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  it('reduces Markdown tables and headings to words', () => {
    expect(toPlainText('# 标题\n| 项目 | 标准 |\n|---|---|\n| 个人 | 400元 |')).toBe(
      '标题 项目 标准 个人 400元',
    );
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

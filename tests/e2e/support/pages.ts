/** Fixture pages built from text: a government-portal article page, and the seed speech as one. */
import { readFileSync } from 'node:fs';
import { SEED_TEXT_FILE } from './paths';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface SpeechPageOptions {
  title: string;
  paragraphs: string[];
  /** Portal chrome around the article (nav, 字号/打印 toolbar, footer) like real gov.cn pages; default true. */
  chrome?: boolean;
  /** Shown under the title, e.g. '2025-06-18 来源：市委组织部'. */
  byline?: string;
}

/**
 * A plausible government-portal article page: title in <h1>, each paragraph in <p>. Text is HTML-escaped, so
 * any string (quotes, 《》, <>) is safe. Used for tests/fixtures/pages/seed.html and for per-test variants
 * (edited passages, late content …).
 */
export function speechPageHtml(opts: SpeechPageOptions): string {
  const chrome = opts.chrome ?? true;
  const paras = opts.paragraphs.map((p) => `      <p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(opts.title)}_中国政府网</title>
  <style>
    body { font: 16px/1.8 "WenQuanYi Micro Hei", sans-serif; margin: 0; color: #222; background: #fff; }
    .nav, .footer { background: #f3f3f3; padding: 8px 24px; font-size: 14px; }
    .nav a { margin-right: 16px; color: #2b5aa0; text-decoration: none; }
    .article { max-width: 860px; margin: 0 auto; padding: 16px 24px; }
    h1 { font-size: 26px; text-align: center; line-height: 1.4; }
    .byline, .tools { color: #777; font-size: 14px; text-align: center; }
    .article p { text-indent: 2em; margin: 0.6em 0; }
  </style>
</head>
<body>
${chrome ? '  <div class="nav"><a href="/">首页</a><a href="/">要闻</a><a href="/">政策</a><a href="/">互动</a><a href="/">服务</a></div>\n' : ''}  <div class="article">
    <h1>${escapeHtml(opts.title)}</h1>
${opts.byline ? `    <div class="byline">${escapeHtml(opts.byline)}</div>\n` : ''}${chrome ? '    <div class="tools">【字号 大 中 小】 【打印】 【下载】</div>\n' : ''}    <div class="content" id="content">
${paras}
    </div>
  </div>
${chrome ? '  <div class="footer">主办单位：XX市人民政府办公室 版权所有 联系我们 网站地图</div>\n' : ''}</body>
</html>
`;
}

/**
 * The seed speech (tests/fixtures/corpus/seed/party-building-speech.txt) as a page: line 2 is the title, the
 * following lines are paragraphs. Line 1 is the template site's truncated teaser (“…前...”), not part of the
 * speech, so it is left out; the site's footer line stays in, as on the template site.
 */
export function seedPageHtml(): string {
  const lines = readFileSync(SEED_TEXT_FILE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const [, title, ...paragraphs] = lines;
  return speechPageHtml({ title, paragraphs, byline: '2025-06-18 来源：市委组织部' });
}

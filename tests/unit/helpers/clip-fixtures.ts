import type { ClipDraft } from '../../../lib/clips/schema';

let counter = 0;

/** A realistic clip draft as a content script would send it; `text` varies the passage. */
export function makeDraft(overrides: Partial<ClipDraft> = {}): ClipDraft {
  const text = overrides.text ?? `一要扎扎实实实施“千村头雁”培育工程，第${++counter}批。`;
  return {
    text,
    url: 'http://www.gov.cn/zhengce/2024-06/01/content_1.htm?utm_source=wechat&spm=a.b.c#p3',
    title: '在全市基层党建工作现场推进会上的讲话',
    outlinePath: [
      { marker: '二、', title: '坚持分类施策' },
      { marker: '第一，', title: '要围绕脱贫攻坚抓党建' },
    ],
    speechTitle: '在全市基层党建工作现场推进会上的讲话',
    speechDate: '2024-06-01',
    mentions: [{ category: 'program', key: '千村头雁培育工程', text: '“千村头雁”培育工程' }],
    selectors: [
      { type: 'TextQuoteSelector', exact: text, prefix: '同志们：', suffix: '二要' },
      { type: 'TextPositionSelector', start: 100, end: 100 + text.length },
    ],
    ...overrides,
  };
}

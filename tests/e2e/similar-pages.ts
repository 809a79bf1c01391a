/**
 * The two speeches of the similar-texts e2e test and screenshots (issue 12): A is the seed speech; B holds an
 * edited copy of one of A's paragraphs (a county swapped in, a sentence inserted) among paragraphs of its own,
 * written for this test, with a program of its own (“党员联户”行动).
 */
import { readFileSync } from 'node:fs';
import { SEED_TEXT_FILE, speechPageHtml } from './harness';

const seedLines = readFileSync(SEED_TEXT_FILE, 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
export const A_TITLE = seedLines[1];
/** The seed's paragraph on why grass-roots Party building matters (404 characters). */
export const ORIGINAL = seedLines.find((l) => l.startsWith('基层党建在党的建设总体布局中处于基石地位'))!;
/** What a template user would do: another place, an inserted sentence. */
export const INSERTED = '全县上下要把思想和行动统一到县委部署上来。';
export const EDITED = ORIGINAL.replace('加快×发展', '加快青山县高质量发展').replace(
  '增强工作责任感和使命感。',
  `增强工作责任感和使命感。${INSERTED}`,
);

export function speechA(): string {
  return speechPageHtml({ title: A_TITLE, paragraphs: seedLines.slice(2), byline: '2025-06-18 来源：市委组织部' });
}

export function speechB(title = '在全县组织工作会议上的讲话'): string {
  return speechPageHtml({
    title,
    byline: '2025-09-10 来源：县委组织部',
    paragraphs: [
      '同志们：',
      '今天召开全县组织工作会议，主要任务是总结上半年工作，部署下一阶段任务。',
      '一、提高认识，把基层党建摆在突出位置',
      EDITED,
      '二、突出重点，扎实推进各项任务',
      '要深入实施“千村头雁”培育工程，选优配强村党组织书记，力争到年底实现每个村都有一名致富带头人。',
      '要持续开展“党员联户”行动，推动党员干部下沉一线，帮助群众解决急难愁盼问题。',
      '三、强化保障，确保工作落地见效',
      '各乡镇党委要切实履行主体责任，书记要亲自抓、负总责，组织委员要具体抓、抓具体。',
    ],
  });
}

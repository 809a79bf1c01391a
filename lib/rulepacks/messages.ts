/**
 * Why a pattern or a rule pack was refused, in both languages (like the verdict's reasons: bilingual data, so
 * the CLI and the options page can both say it; the options page uses the same texts through locales/options.json).
 */
import type { PatternProblem } from './pattern';

export interface Bilingual {
  zh: string;
  en: string;
}

export function patternProblemText(problem: PatternProblem): Bilingual {
  switch (problem.code) {
    case 'invalid':
      return { zh: `不是有效的正则表达式：${problem.detail}`, en: `not a valid regular expression: ${problem.detail}` };
    case 'flags':
      return {
        zh: `不支持的标志“${problem.detail}”（可用 i m s u）`,
        en: `unsupported flag "${problem.detail}" (use i, m, s, u)`,
      };
    case 'empty':
      return { zh: '会匹配空字符串，无法标出任何内容', en: 'matches the empty string, so it cannot mark anything' };
    case 'complex':
      return { zh: `表达式过于复杂：${problem.detail}`, en: `too complex: ${problem.detail}` };
    case 'slow':
      return { zh: `在长文本上太慢：${problem.detail}`, en: `too slow on a long text: ${problem.detail}` };
  }
}

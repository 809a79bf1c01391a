import { describe, expect, it } from 'vitest';
import { pageStateOf } from '../../lib/reading/page-state';
import { defaultToggles } from '../../lib/reading/toggles';
import { analyze } from '../../lib/rules/analyze';

describe('the page state the side panel shows', () => {
  it("carries the speech's speaker and occasion as the rules read them", () => {
    const text = [
      '2026年某某省政府工作报告',
      '——2026年1月27日在某某省第十四届人民代表大会第五次会议上',
      '省长 陈立新',
      '各位代表：',
      '现在，我代表省人民政府，向大会报告政府工作，请予审议，并请省政协委员提出意见。',
      '一、2025年工作回顾',
      '过去一年，全省上下坚持稳中求进工作总基调，经济运行稳中向好，地区生产总值增长5.5%。',
      '二、2026年主要目标任务',
      '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。',
    ].join('\n');
    const analysis = analyze(text);
    const state = pageStateOf({
      url: 'https://www.example.gov.cn/a.html',
      title: '2026年政府工作报告_某某省人民政府',
      analysis,
      spans: [],
      textLength: text.length,
      toggles: defaultToggles(),
      scope: 'global',
      painter: 'highlight-api',
      timings: null,
      error: undefined,
    });
    expect(state.speaker).toBe('省长 陈立新');
    expect(state.occasion).toBe('某某省第十四届人民代表大会第五次会议');
  });
});

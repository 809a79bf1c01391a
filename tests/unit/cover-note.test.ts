import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/rules';
import { withoutCoverNote } from '../../lib/rules/cover-note';

/** An office's notice circulating a speech, then the speech itself (written for this test in that pattern). */
const NOTE = [
  '关于印发县委书记在全县经济工作会议上讲话的通知',
  '各乡镇党委、政府，县直各部门：',
  '现将县委书记同志在全县经济工作会议上的讲话印发给你们，请认真学习，抓好贯彻落实。',
  '中共某某县委办公室',
  '2026年2月20日',
].join('\n');
const SPEECH = [
  '在全县经济工作会议上的讲话',
  '（2026年2月18日）',
  '同志们：',
  '今天召开全县经济工作会议，主要任务是总结去年工作，部署今年任务。下面，我讲三点意见。',
  '一、准确把握经济形势',
  '过去一年，全县地区生产总值增长6.1%。我们也要清醒看到，发展不平衡问题仍然突出。',
  '二、突出工作重点',
  '一是抓项目扩投资。二是抓产业促转型。三是抓改革激活力。',
  '三、狠抓工作落实',
  '同志们，让我们以只争朝夕的精神，奋力开创高质量发展新局面！',
].join('\n');

describe('a cover note circulating a speech', () => {
  it('is set aside: the speech under it is judged, titled and dated as a speech', () => {
    const a = analyze(`${NOTE}\n${SPEECH}`);
    expect(a.verdict).toMatchObject({ isPolicy: true, genre: 'speech' });
    expect(a).toMatchObject({ title: '在全县经济工作会议上的讲话', date: '2026-02-18' });
    expect(withoutCoverNote(`${NOTE}\n${SPEECH}`)).toBe(SPEECH);
  });

  it('leaves a notice that circulates a document, or a note with no speech under it, a notice', () => {
    const rules = [
      '关于印发《某某县优化营商环境若干措施》的通知',
      '各乡镇人民政府，县直各有关单位：',
      '现将《某某县优化营商环境若干措施》印发给你们，请认真遵照执行。',
      '一、持续深化政务服务改革',
      '二、着力降低企业成本',
    ].join('\n');
    expect(analyze(rules).verdict.isPolicy).toBe(false);
    expect(withoutCoverNote(rules)).toBe(rules);
    expect(analyze(NOTE).verdict.isPolicy).toBe(false);
    expect(withoutCoverNote(NOTE)).toBe(NOTE);
  });
});

import { describe, expect, it } from 'vitest';
import { bylineSpeaker, findOccasion, findSpeaker, speakerLabel, titleSpeaker } from '../../lib/rules/speaker';

describe('titleSpeaker', () => {
  it.each([
    ['市委书记张三在全市经济工作会议上的讲话', { post: '市委书记', name: '张三' }],
    ['县委副书记、县长李明华在全县安全生产工作会议上的讲话', { post: '县委副书记、县长', name: '李明华' }],
    ['王建国同志在2026年全区党风廉政建设工作会议上的讲话', { name: '王建国' }],
    ['XXX同志在全镇防汛工作部署会上的讲话', undefined],
    ['县委书记XXX在全县招商引资推进会上的讲话', { post: '县委书记' }],
    ['中共某某县委书记在县委理论学习中心组集体学习时的讲话', { post: '某某县委书记' }],
  ])('%s', (title, expected) => {
    expect(titleSpeaker(title)).toEqual(expected);
  });

  it('finds no speaker in titles that name only the occasion', () => {
    for (const title of [
      '在全市安全生产工作会议上的讲话',
      '在2026年全县经济工作会议上的讲话稿',
      '2026年青海省政府工作报告',
    ]) {
      expect(titleSpeaker(title), title).toBeUndefined();
    }
  });
});

describe('bylineSpeaker', () => {
  it.each([
    ['省长 罗东川', { post: '省长', name: '罗东川' }],
    ['青海省省长　罗东川', { post: '青海省省长', name: '罗东川' }],
    ['市委副书记、市长 周晓东', { post: '市委副书记、市长', name: '周晓东' }],
    ['林海峰', { name: '林海峰' }],
    ['区长 ×××', { post: '区长' }],
  ])('%s', (line, expected) => {
    expect(bylineSpeaker(line)).toEqual(expected);
  });

  it('does not read page furniture or sentences as a byline', () => {
    for (const line of [
      '同志们：',
      '目录',
      '来源：人民网',
      '各位代表：',
      '打印本页',
      '方案',
      '首页 > 讲话',
      '王者荣耀发布新版本的消息今天传开',
    ]) {
      expect(bylineSpeaker(line), line).toBeUndefined();
    }
  });
});

describe('findSpeaker', () => {
  it('reads the byline under a report title and its occasion line', () => {
    const text =
      '政府工作报告\n——2026年1月27日在青海省第十四届人民代表大会第五次会议上\n青海省省长 罗东川\n各位代表：\n现在，我代表省人民政府……';
    expect(findSpeaker(text, '政府工作报告')).toEqual({ post: '青海省省长', name: '罗东川' });
  });

  it('keeps the post from the title when the byline gives only the name', () => {
    const text = '县委书记在全县农村工作会议上的讲话\n赵明\n同志们：\n今天召开全县农村工作会议……';
    expect(findSpeaker(text, '县委书记在全县农村工作会议上的讲话')).toEqual({ post: '县委书记', name: '赵明' });
  });

  it('reads a reprint source note at the end', () => {
    const text = '同志们：……\n全文完。\n这是习近平总书记2020年6月2日在专家学者座谈会上的讲话。';
    expect(findSpeaker(text)).toEqual({ post: '总书记', name: '习近平' });
  });

  it('says nothing for a text without a speaker', () => {
    expect(
      findSpeaker('关于做好2026年春季农业生产工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。'),
    ).toBeUndefined();
  });
});

describe('findOccasion', () => {
  it.each([
    ['在全市安全生产工作会议上的讲话', '全市安全生产工作会议'],
    ['市委书记张三在全市经济工作会议上的讲话', '全市经济工作会议'],
    ['在县委理论学习中心组集体学习时的发言', '县委理论学习中心组集体学习'],
  ])('%s', (title, occasion) => {
    expect(findOccasion('', title)).toBe(occasion);
  });

  it('reads the occasion from a report subtitle', () => {
    expect(
      findOccasion('政府工作报告\n——2026年1月27日在青海省第十四届人民代表大会第五次会议上\n', '政府工作报告'),
    ).toBe('青海省第十四届人民代表大会第五次会议');
  });
});

describe('speakerLabel', () => {
  it('puts the post before the name', () => {
    expect(speakerLabel({ post: '省长', name: '罗东川' })).toBe('省长 罗东川');
    expect(speakerLabel({ name: '罗东川' })).toBe('罗东川');
  });
});

describe('findSpeaker on pages with chrome and run-in crawls', () => {
  it('finds a byline a few lines below the title, past source and time lines', () => {
    const text =
      '下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年某某省政府工作报告\n——2026年2月5日在某某省第十四届人民代表大会第四次会议上\n来源：某某日报\n时间：2026-02-11\n省人民政府省长 陈立新\n各位代表：\n现在，我代表省人民政府……';
    expect(findSpeaker(text, '2026年某某省政府工作报告')).toEqual({ post: '省人民政府省长', name: '陈立新' });
  });

  it('reads a name run in between a dated title and the salutation', () => {
    const text = '在全省脱贫攻坚工作座谈会上的讲话（2018年2月12日）刘志强同志们：今天召开这次座谈会……';
    expect(findSpeaker(text, '在全省脱贫攻坚工作座谈会上的讲话')).toEqual({ name: '刘志强' });
  });
});

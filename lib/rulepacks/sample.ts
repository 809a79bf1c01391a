/**
 * The long text a reader's pattern is timed on before it is accepted: speech-like sentences (outline markers,
 * quoted names, numbers, Latin, line breaks) repeated to 100,000 characters. Built once, on first use.
 */
const SENTENCES = [
  '一、坚持以人民为中心的发展思想，深入实施“千村头雁”培育工程。',
  '（二）各级党委要把“三会一课”制度落到实处，到2025年底培训村党组织书记5000名以上。',
  '第一，要牢牢把握高质量发展这个首要任务，地区生产总值增长5.5%左右。',
  '会议强调，贯彻落实《关于加强基层治理体系和治理能力现代化建设的意见》，推进“放管服”改革。',
  'See Article 12 of the plan (www.gov.cn, 2024-03-05); aaaa bbbb 1234.\n',
  '同志们，我们要以党的二十大精神为指引，一要抓落实，二要抓创新，三要抓队伍。\n',
];

export const SPEED_SAMPLE_LENGTH = 100_000;
let cached: string | undefined;

export function speedSample(): string {
  if (cached) return cached;
  let text = '';
  for (let i = 0; text.length < SPEED_SAMPLE_LENGTH; i++) text += SENTENCES[i % SENTENCES.length];
  return (cached = text.slice(0, SPEED_SAMPLE_LENGTH));
}

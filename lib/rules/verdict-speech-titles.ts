/**
 * The title/byline family's patterns (rules title.speech and title.speechLine in verdict-speech-cues.ts, where
 * their examples and counter-examples live): how local speeches are titled on template and document sites —
 * 在…会议上的讲话, 县长在…会上的发言, 务虚会区长讲话, 县长讲话：在…会议上, 关于…的讲话, 党课讲稿. Rules read
 * normalised text (normalize.ts): full-width punctuation, simplified script.
 */
import { SPEECH_KIND } from './title';

/** Speakers' roles that title a local speech: 县长在…的讲话, 务虚会区长讲话. */
const ROLE = '(?:书记|县长|市长|区长|镇长|乡长|局长|主任|部长|主席|委员|常委|负责人|领导|校长|同志)';
/** What a speech is called in its title. */
const SPEECH_WORD =
  '(?:讲话要点|讲话摘要|讲话|讲话稿|讲话文稿|讲话提纲|表态发言|交流发言|发言|发言稿|致辞|主旨讲话|动员讲话|总结讲话|点评讲话|' +
  '主持讲话|主持词|主持辞|演讲|讲稿)';
/** After a title's speech word: the body (salutation, date, line end) — or site junk glued on; never 精神/中/时. */
const NOT_A_REFERENCE = '(?![精中时后引指强内全的和与及稿要会上，。、；]|文稿)';
/** A line that quotes a speech (学习贯彻…讲话, 传达…讲话) is not its title. */
const NOT_QUOTING = '(?![^\\n]{0,24}(?:学习|贯彻|传达|领会|落实))';

/** 在…会议上的讲话 as a title: followed by the body's start, never by 精神/引起… (title.speech). */
export const TITLE_SPEECH = new RegExp(
  // never after 学习/贯彻/传达/心得体会 on its line: 心得体会：学习县委书记在…大会上的讲话 quotes the speech
  `(?<!(?:学习|贯彻|传达|领会|心得|体会)[^。！？\\n]{0,30})在[^。！？\\n]{2,60}?(?:上|时)的${SPEECH_KIND}(?:讲话|致辞|演讲|主旨讲话)` +
    `(?=\\s*(?:$|\\n|[（(]|同志们|各位|女士们|尊敬的|——|※))`,
);

/** A line starting with a speech title or speaker line, also glued to body or junk (title.speechLine). */
export const TITLE_SPEECH_LINE = new RegExp(
  `(?:^|\\n)[ \\t　]*${NOT_QUOTING}[^。！？，\\n]{0,40}?(?:` +
    `在[^。！？\\n]{2,60}?(?:上|时|中|会)的?${SPEECH_KIND}${SPEECH_WORD}${NOT_A_REFERENCE}` +
    // a title without 在, the whole line: 全县安全生产工作会议主持词 · 安全生产会议领导讲话稿2篇 · …工作会议上讲话
    `|[^。！？，\\n]{2,30}?(?:会议|大会|会|仪式|座谈|时)上?的?(?:领导|${ROLE})?${SPEECH_WORD}(?:范文|范本|例文|全文|\\d{1,2}篇|[（(【][^\\n]{0,10}[）)】])*[ \\t　]*(?=\\n|$)` +
    `|${ROLE}(?:[^。！？，\\n]{0,4})?${SPEECH_WORD}(?=[ \\t　]*(?:\\n|$|[（(]|同志们|各位|尊敬的))` +
    `|(?:专题)?党课(?:讲稿|讲话稿|辅导报告)|讲话(?:稿|文稿)(?:[：:]|[ \\t　]*\\n)` +
    // the speaker, then a colon and the occasion or a short subtitle: 县长讲话：在全县…会议上 · XX同志讲话：…
    `|${ROLE}[^。！？，\\n]{0,2}?(?:讲话|讲话稿|讲话提纲|发言|致辞)(?:[：:][ \\t　]*` +
    `(?:在[^。！？\\n]{2,40}?(?:上|会|时)|[^。！？，：\\n]{2,30}(?=\\n|$))` +
    // the colon lost (pages without punctuation): only when 在…上 ends the line
    `|[ \\t　]*在[^。！？，\\n]{2,40}?(?:上|会|时)(?=[ \\t　]*(?:\\n|$)))` +
    // a title naming its subject: 关于加强干部作风建设的讲话 · 关于全县经济工作的讲话提纲 (never …讲话的通知/精神)
    `|关于[^。！？，\\n]{2,30}?的${SPEECH_WORD}(?=[ \\t　]*(?:\\n|$|[（(]|同志们|各位)))`,
);

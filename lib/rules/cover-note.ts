/**
 * A cover note that transmits a speech: offices circulate a leader's speech as a notice (关于印发…讲话的通知,
 * the addressees, 现将…印发给你们, the office and date) with the speech under it. The verdict judges the speech,
 * not the note: the note's notice features (title, addressees, 印发) would otherwise outvote it. Only when the
 * speech's own title line follows the note; a notice that transmits a document, or a note alone, stays a notice.
 */

/** The note's title: it names a speech (讲话, 致辞, 讲话稿) as the thing circulated. */
const TRANSMITTING_TITLE = /关于(?:印发|转发|学习)[^\n。]{2,60}?(?:讲话|致辞|讲话稿)[^\n。]{0,12}?的通知/;
/** The speech's own title line after the note: …在…(会议|大会…)上的讲话, on a line of its own. */
const SPEECH_TITLE_LINE =
  /\n[ \t　]*[^\n。！？]{0,40}在[^\n。！？]{2,60}?(?:上|时)的(?:重要)?(?:讲话|致辞|讲话稿)[ \t　]*(?=\n)/;
/** How far into the text the note may reach (a note is a few lines). */
const NOTE_CHARS = 1500;

/** The text from the transmitted speech's title line on, or the text itself when it has no such cover note. */
export function withoutCoverNote(text: string): string {
  const head = text.slice(0, NOTE_CHARS);
  const title = TRANSMITTING_TITLE.exec(head);
  if (!title) return text;
  const speech = SPEECH_TITLE_LINE.exec(head.slice(title.index + title[0].length));
  if (!speech) return text;
  return text.slice(title.index + title[0].length + speech.index + 1);
}

/**
 * A cover note that transmits a speech: offices circulate a leader's speech as a notice (关于印发…讲话的通知,
 * the addressees, 现将…印发给你们, the office and date) with the speech under it. The verdict judges the speech,
 * not the note: the note's notice features (title, addressees, 印发) would otherwise outvote it. Only when the
 * speech's own title line follows the note; a notice that transmits a document, or a note alone, stays a notice.
 */
import { withoutBoilerplate } from './boilerplate';
import { isTitleLine } from './title';

/** The note's title: it names a speech (讲话, 致辞, 讲话稿) as the thing circulated. */
const TRANSMITTING_TITLE = /关于(?:印发|转发|学习)[^\n。]{2,60}?(?:讲话|致辞|讲话稿)[^\n。]{0,12}?的通知/;
/** How far into the text the note may reach (a note is a few lines). */
const NOTE_CHARS = 1500;

/** The text from the transmitted speech's title line on, or the text itself when it has no such cover note. */
export function withoutCoverNote(text: string): string {
  const title = TRANSMITTING_TITLE.exec(text.slice(0, NOTE_CHARS));
  if (!title) return text;
  // The first line after the note's title that findTitle would take for a title (title.ts).
  let at = text.indexOf('\n', title.index) + 1;
  while (at > 0 && at < NOTE_CHARS) {
    const next = text.indexOf('\n', at);
    const lineEnd = next < 0 ? text.length : next;
    if (isTitleLine(text.slice(at, lineEnd))) return text.slice(at);
    at = next + 1;
  }
  return text;
}

/** What the verdict, the title and the date read: the speech alone, without site boilerplate or a cover note. */
export function speechOnly(text: string, boilerplate?: Array<[number, number]>): string {
  return withoutCoverNote(withoutBoilerplate(text, boilerplate));
}

/**
 * The citation line a speech-writer puts under a quoted passage, in the convention of Chinese policy writing:
 * `罗东川：《政府工作报告》，2026年1月27日，青海省人民政府网` — speaker, title in book-title marks, the date in
 * Chinese, the site. Parts that are not known are left out rather than guessed; English readers get
 * `罗东川, "政府工作报告", 2026-01-27, 青海省人民政府网`.
 */
import { cleanPageTitle } from './page-title';
import { siteNameForHost } from './site-names';

export interface CitationSource {
  /** The recognised speech title, when the rules found one. */
  speechTitle?: string;
  /** The page's own title (document.title). */
  pageTitle: string;
  /** `省长 罗东川`, `罗东川`, `县委书记`. */
  speaker?: string;
  /** ISO `yyyy-mm-dd`, `yyyy-mm` or `yyyy`. */
  date?: string;
  /** Host name, e.g. `www.qinghai.gov.cn`. */
  site: string;
}

export type CitationLanguage = 'zh' | 'en';

/** 2026-01-27 → 2026年1月27日; 2026-01 → 2026年1月; 2026 → 2026年. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(iso.trim());
  if (!m) return iso;
  let out = `${m[1]}年`;
  if (m[2]) out += `${Number(m[2])}月`;
  if (m[3]) out += `${Number(m[3])}日`;
  return out;
}

/** The site's name: the known name for its host, else the name the page title carried, else the host. */
export function citedSiteName(source: CitationSource): string {
  return siteNameForHost(source.site) ?? cleanPageTitle(source.pageTitle).site ?? source.site;
}

/** The title to cite: the speech's own title, else the page title without the site's suffix. */
export function citedTitle(source: CitationSource): string {
  return (source.speechTitle?.trim() || cleanPageTitle(source.pageTitle).title).replace(/^《(.*)》$/, '$1');
}

export function citationLine(source: CitationSource, language: CitationLanguage = 'zh'): string {
  const title = citedTitle(source);
  const site = citedSiteName(source);
  const speaker = source.speaker?.trim();
  if (language === 'en') {
    const parts = [title ? `"${title}"` : '', source.date ?? '', site].filter(Boolean);
    return (speaker ? `${speaker}, ` : '') + parts.join(', ');
  }
  const parts = [title ? `《${title}》` : '', source.date ? chineseDate(source.date) : '', site].filter(Boolean);
  return (speaker ? `${speaker}：` : '') + parts.join('，');
}

/** The citation of a speech in the library: its clips share one; the speaker comes from any clip that has it. */
export function speechCitation(
  group: { title: string; date?: string; site: string; clips: readonly { title: string; speechSpeaker?: string }[] },
  language: CitationLanguage,
): string {
  const first = group.clips.find((c) => c.speechSpeaker) ?? group.clips[0];
  return citationLine(
    {
      speechTitle: group.title,
      pageTitle: first?.title ?? '',
      speaker: first?.speechSpeaker,
      date: group.date,
      site: group.site,
    },
    language,
  );
}

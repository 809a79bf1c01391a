/**
 * A page title as a writer would cite it: the site's name that portals append (`…_青海省人民政府`,
 * `… - 中国政府网`, `…--人民网`, `…|求是网`) is split off, with the section names stacked before it
 * (`标题_领导讲话_青海省人民政府`). The trailing part is only taken for a site name when it looks like one — a
 * subtitle after a dash (`——在…会议上的报告`) is part of the title.
 */
const SEPARATOR = /\s*(?:_|\||｜|\s-\s|-{2,}|\s—\s)\s*/g;
const SITE_LIKE = /(?:网|网站|门户|门户网站|人民政府|政府|新闻网|频道|官网|日报|晚报|客户端|之窗|在线)$/;
const MAX_SECTION_CHARS = 8;

export interface CleanTitle {
  title: string;
  /** The site name that was split off, when there was one. */
  site?: string;
}

export function cleanPageTitle(raw: string): CleanTitle {
  const whole = raw.replace(/\s+/g, ' ').trim();
  const parts = whole.split(SEPARATOR).filter((p) => p.length > 0);
  if (parts.length < 2 || !SITE_LIKE.test(parts[parts.length - 1])) return { title: whole };
  const site = parts.pop()!;
  // Short section names between the title and the site (要闻, 领导讲话, 政务公开) go too, never the first part.
  while (parts.length > 1 && parts[parts.length - 1].length <= MAX_SECTION_CHARS) parts.pop();
  const title = whole.slice(0, whole.indexOf(parts[parts.length - 1]) + parts[parts.length - 1].length).trim();
  return { title, site };
}

/** Small formatting helpers shared by the exporters. */

/** yyyy-mm-dd in local time (what a reader means by "the day I clipped it"). */
export function localDate(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** True only for http(s) URLs: nothing else becomes a link in exports or in the UI. */
export function isHttpUrl(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export const OUTLINE_SEPARATOR = ' › ';

export function outlineLabel(step: { marker: string; title: string }): string {
  return `${step.marker}${step.title}`.trim();
}

/**
 * Page identity for clips: the same article reached through a share link, a campaign link or an anchor link is
 * one page. Tracking parameters and the fragment are dropped; the remaining parameters keep their order
 * (some CMSs identify articles by query parameters, e.g. ?id=123).
 */

/** Exact parameter names dropped (lower-case). */
const TRACKING_PARAMS = new Set([
  'spm',
  'from',
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'scene',
  'srcid',
  'share_token',
  'sharer_shareid',
  'sharer_sharetime',
  'isappinstalled',
  'wxshare_count',
  '_hsenc',
  '_hsmi',
  'ref',
  'ref_src',
]);

/** Parameter name prefixes dropped. */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmsr', 'hmpl', 'hmcu', 'hmkw', 'hmci'];

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/** Normalised URL: lower-case host, default port dropped, tracking parameters and fragment removed. */
export function normalizeUrl(input: string): string {
  const url = new URL(input);
  url.hash = '';
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  url.search = '';
  for (const [name, value] of kept) url.searchParams.append(name, value);
  // URL already lower-cases the host and drops default ports; an empty query leaves a bare '?' on some inputs.
  return url.href.replace(/\?$/, '');
}

/** Host name of a URL ('' for URLs without one, e.g. file:). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * Government and state-media hosts where Tifa runs by default. Declared as content-script matches (not
 * <all_urls>): on any other site Tifa runs only when the reader asks (activeTab) or grants the site.
 * '*://*.gov.cn/*' already covers every government subdomain (ccdi.gov.cn, npc.gov.cn, cppcc.gov.cn …), so they
 * are not listed again; tests/unit/manifest.test.ts checks that no pattern here is covered by another.
 */
export const POLICY_HOST_MATCHES: string[] = [
  '*://*.gov.cn/*',
  '*://*.people.com.cn/*',
  '*://*.xinhuanet.com/*',
  '*://*.news.cn/*',
  '*://*.qstheory.cn/*',
  '*://*.12371.cn/*',
  '*://*.cctv.com/*',
  '*://*.chinadaily.com.cn/*',
  '*://*.gmw.cn/*',
  '*://*.cnr.cn/*',
  '*://*.ce.cn/*',
  '*://*.china.com.cn/*',
  '*://*.youth.cn/*',
  '*://*.cpcnews.cn/*',
];

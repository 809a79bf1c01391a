/**
 * The names writers use for the sites that publish policy texts, by host. A citation says 青海省人民政府网, not
 * www.qinghai.gov.cn. Hosts match on their registrable suffix (`www.qinghai.gov.cn` and `qinghai.gov.cn` alike).
 */
const SITE_NAMES: Readonly<Record<string, string>> = {
  'gov.cn': '中国政府网',
  'www.gov.cn': '中国政府网',
  'people.com.cn': '人民网',
  'cpc.people.com.cn': '中国共产党新闻网',
  'cpcnews.cn': '中国共产党新闻网',
  'xinhuanet.com': '新华网',
  'news.cn': '新华网',
  'qstheory.cn': '求是网',
  '12371.cn': '共产党员网',
  'cctv.com': '央视网',
  'chinadaily.com.cn': '中国日报网',
  'gmw.cn': '光明网',
  'cnr.cn': '央广网',
  'ce.cn': '中国经济网',
  'china.com.cn': '中国网',
  'youth.cn': '中国青年网',
  'beijing.gov.cn': '北京市人民政府网',
  'tj.gov.cn': '天津市人民政府网',
  'hebei.gov.cn': '河北省人民政府网',
  'shanxi.gov.cn': '山西省人民政府网',
  'nmg.gov.cn': '内蒙古自治区人民政府网',
  'ln.gov.cn': '辽宁省人民政府网',
  'jl.gov.cn': '吉林省人民政府网',
  'hlj.gov.cn': '黑龙江省人民政府网',
  'shanghai.gov.cn': '上海市人民政府网',
  'jiangsu.gov.cn': '江苏省人民政府网',
  'zj.gov.cn': '浙江省人民政府网',
  'ah.gov.cn': '安徽省人民政府网',
  'fujian.gov.cn': '福建省人民政府网',
  'jiangxi.gov.cn': '江西省人民政府网',
  'shandong.gov.cn': '山东省人民政府网',
  'henan.gov.cn': '河南省人民政府网',
  'hubei.gov.cn': '湖北省人民政府网',
  'hunan.gov.cn': '湖南省人民政府网',
  'gd.gov.cn': '广东省人民政府网',
  'gxzf.gov.cn': '广西壮族自治区人民政府网',
  'hainan.gov.cn': '海南省人民政府网',
  'cq.gov.cn': '重庆市人民政府网',
  'sc.gov.cn': '四川省人民政府网',
  'guizhou.gov.cn': '贵州省人民政府网',
  'yn.gov.cn': '云南省人民政府网',
  'xizang.gov.cn': '西藏自治区人民政府网',
  'shaanxi.gov.cn': '陕西省人民政府网',
  'gansu.gov.cn': '甘肃省人民政府网',
  'qinghai.gov.cn': '青海省人民政府网',
  'nx.gov.cn': '宁夏回族自治区人民政府网',
  'xinjiang.gov.cn': '新疆维吾尔自治区人民政府网',
};

/** The site's name for a host, trying `a.b.c.d`, `b.c.d`, `c.d` in turn; undefined when unknown. */
export function siteNameForHost(host: string): string | undefined {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const suffix = labels.slice(i).join('.');
    if (Object.hasOwn(SITE_NAMES, suffix)) return SITE_NAMES[suffix];
  }
  return undefined;
}

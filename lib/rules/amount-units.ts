/**
 * The units and magnitudes an amount is written with (增长6.5%, 12万亩, 860件, 2.3万批次): one list for the amount
 * scan (mention-scans.ts AMOUNTS) and for the normaliser, which drops the blank a PDF conversion put between a
 * number and its unit (公路 200 公里). A small module of its own: the normaliser is also bundled into the UI's search.
 */

/** Units, longest first where one begins another (个百分点 before 个月 before 个; 人次 before 人). */
export const AMOUNT_UNITS =
  '元|美元|%|％|个百分点|人次|场次|批次|架次|名|人|个月|个|家|所|项|户|座|套|公里|千米|吨|亩|公顷|千瓦|辆|台|场|件|起|次|篇|条|批|期|处|年|天'.split(
    '|',
  );

/** Magnitudes between the digits and the unit (12万亩, 3.5亿元). */
export const AMOUNT_MAGNITUDES = ['万亿', '亿', '万', '千'];

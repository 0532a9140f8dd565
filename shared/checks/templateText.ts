/**
 * Template text left in a document: the blanks of the Excel templates people copy from
 * (增加（减少）, XX, ××, ……, 待填写, 指标2：…). Anything a person types is checked for it (C3, P6).
 */
const TEMPLATE_TEXT =
  /(?:增加|增长|上升)\s*[（(]\s*(?:减少|下降)\s*[）)]|(?:减少|下降)\s*[（(]\s*(?:增加|增长|上升)\s*[）)]|[Xx]{2,}|×{2,}|…{2,}|\.{3,}|．{3,}|。{3,}|待填写|待补充|请填写|请输入|指标\s*[0-9０-９一二三四五六七八九十]+\s*[：:]|[（(]\s*此处/g;

/** The same, to test a text without collecting matches (almost every text has none). */
const HAS_TEMPLATE_TEXT = new RegExp(TEMPLATE_TEXT.source);

/** The template words a text contains, in order ([] when there are none). */
export function templateWords(text: string): string[] {
  return templateMatches(text).map((match) => match[0]);
}

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/** The matches themselves, with their positions (to quote the words in context). */
export function templateMatches(text: string): readonly RegExpExecArray[] {
  return HAS_TEMPLATE_TEXT.test(text) ? [...text.matchAll(TEMPLATE_TEXT)] : NO_MATCHES;
}

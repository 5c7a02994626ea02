/**
 * Synonym groups: a query with any word of a group also looks for the others, both ways. The built-in
 * groups are the abbreviations citizens say for the names that official documents use (医保 for 医疗保险);
 * the KB editor adds the city's own in kb_synonyms.
 */
export const BUILT_IN_SYNONYMS: readonly (readonly string[])[] = [
  ['医保', '医疗保险', '医疗保障'],
  ['社保', '社会保险'],
  ['公积金', '住房公积金'],
  ['低保', '最低生活保障'],
  ['城管', '城市管理'],
  ['住建', '住房和城乡建设'],
  ['交警', '交通警察'],
  ['物业', '物业管理'],
  ['拖欠工资', '欠薪', '讨薪'],
  ['噪音', '噪声'],
  ['身份证', '居民身份证'],
  ['户口', '户籍'],
  // What citizens ask (交多少钱) for what the rules call 缴费.
  ['缴费', '交费', '交钱', '交多少钱', '缴多少钱'],
];

/**
 * Every word equivalent to `word` (itself first), across all groups that contain it. Groups are not merged
 * transitively beyond one step: a word shared by two groups links them, which is what an editor who puts
 * it in both means.
 */
export function expandWord(word: string, groups: readonly (readonly string[])[]): string[] {
  const out = new Set<string>([word]);
  for (const group of groups) {
    if (group.includes(word)) for (const w of group) out.add(w);
  }
  return [...out];
}

/** Lower-cased, NFKC-folded words as the segmenter produces them, so `ABC` in a group matches `abc`. */
export function normaliseGroups(groups: readonly (readonly string[])[]): string[][] {
  return groups
    .map((g) => [...new Set(g.map((w) => w.normalize('NFKC').toLowerCase().trim()).filter(Boolean))])
    .filter((g) => g.length >= 2);
}

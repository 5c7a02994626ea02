import type { Category } from '../../api/models.ts';

/**
 * 分类搜索 by the words citizens use: a typed word matches a category's name, its path (城市管理 › 路灯) or one of
 * its keywords (烧烤 → 餐饮油烟, kept per category in the directory). Case and spaces do not matter.
 */
export function categoryMatches(c: Pick<Category, 'name' | 'path' | 'keywords'>, typed: string): boolean {
  const q = typed.trim().toLowerCase();
  if (!q) return true;
  if (c.path.join(' › ').toLowerCase().includes(q) || c.name.toLowerCase().includes(q)) return true;
  return (c.keywords ?? []).some((k) => k.toLowerCase().includes(q) || q.includes(k.toLowerCase()));
}

export interface KeywordSuggestion {
  category: Category;
  /** The keywords (or the name) found in the text. */
  words: string[];
}

/**
 * Leaves whose name or keywords occur in a citizen's text, most words first: suggestions that work without a
 * trained model (the accept dialog of online submissions).
 */
export function suggestByKeywords(text: string, categories: Category[], max = 3): KeywordSuggestion[] {
  const t = text.toLowerCase();
  if (!t.trim()) return [];
  const hits: KeywordSuggestion[] = [];
  for (const c of categories) {
    if (!c.isLeaf || !c.active) continue;
    const words = [c.name, ...(c.keywords ?? [])].filter((w) => w.length >= 2 && t.includes(w.toLowerCase()));
    if (words.length) hits.push({ category: c, words: [...new Set(words)] });
  }
  const weight = (h: KeywordSuggestion) => h.words.reduce((n, w) => n + w.length, 0);
  return hits.sort((a, b) => weight(b) - weight(a) || a.category.id - b.category.id).slice(0, max);
}

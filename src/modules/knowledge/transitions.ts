import type { ArticleStatus } from './model.ts';

/** 发布 / 下架 — the only ways an article's status changes (edits keep the status). */
export const ARTICLE_ACTIONS = ['publish', 'retire'] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

/**
 * From which statuses each action may be taken. A retired article may be published again (a rule that
 * returns); a draft may be retired without ever being published (abandoned).
 */
export const ARTICLE_TRANSITIONS: Record<
  ArticleAction,
  { from: readonly ArticleStatus[]; to: ArticleStatus }
> = {
  publish: { from: ['draft', 'retired'], to: 'published' },
  retire: { from: ['draft', 'published'], to: 'retired' },
};

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextStatus(status: string, action: ArticleAction): ArticleStatus | null {
  const t = ARTICLE_TRANSITIONS[action];
  return (t.from as readonly string[]).includes(status) ? t.to : null;
}

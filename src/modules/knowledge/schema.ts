import { sql } from 'drizzle-orm';
import type { ArticleSnapshot, ArticleStatus, NoticeStatus } from './model.ts';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * 知识库文章 — an authoritative answer agents give citizens. Title unique; every change is a new version
 * (kb_article_versions). `search` holds jieba tokens (title A, keywords B, category and issuer C, content D)
 * in a 'simple' tsvector, because PostgreSQL has no Chinese parser.
 */
export const kbArticles = pgTable(
  'kb_articles',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    categoryPath: text('category_path').array().notNull().default([]),
    content: text('content').notNull(),
    issuer: text('issuer'),
    kind: text('kind').notNull(),
    keywords: text('keywords').array().notNull().default([]),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    status: text('status').$type<ArticleStatus>().notNull().default('draft'),
    version: integer('version').notNull().default(1),
    publishedAt: ts('published_at'),
    search: tsvector('search'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedBy: integer('updated_by'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('kb_articles_title_key').on(t.title),
    index('kb_articles_search_idx').using('gin', t.search),
    index('kb_articles_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    index('kb_articles_status_idx').on(t.status),
  ],
);

/** Every version of every article, with who changed what and why. Never updated or deleted. */
export const kbArticleVersions = pgTable(
  'kb_article_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => kbArticles.id),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<ArticleSnapshot>().notNull(),
    changedFields: text('changed_fields').array().notNull().default([]),
    changeNote: text('change_note'),
    changedBy: integer('changed_by'),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [uniqueIndex('kb_article_versions_key').on(t.articleId, t.version)],
);

/** The segmenter's user dictionary, editable by the KB editor: place names, department short names, terms. */
export const kbTerms = pgTable('kb_terms', {
  word: text('word').primaryKey(),
  kind: text('kind').notNull().default('term'),
  createdBy: integer('created_by'),
  createdAt: ts('created_at').notNull(),
});

/** Synonym groups: a query with any word of a group also finds the others (医保 ↔ 医疗保险). */
export const kbSynonyms = pgTable('kb_synonyms', {
  id: serial('id').primaryKey(),
  words: text('words').array().notNull(),
  createdBy: integer('created_by'),
  createdAt: ts('created_at').notNull(),
});

/**
 * 知识更新通知 — an authority tells the operator what must change in the knowledge base; due 24 hours after
 * receipt (Luohe art. 11 #9, 知识库更新及时率).
 */
export const kbNotices = pgTable(
  'kb_notices',
  {
    id: serial('id').primaryKey(),
    receivedAt: ts('received_at').notNull(),
    source: text('source').notNull(),
    title: text('title').notNull(),
    requiredChange: text('required_change').notNull(),
    articleIds: integer('article_ids').array().notNull().default([]),
    dueAt: ts('due_at').notNull(),
    status: text('status').$type<NoticeStatus>().notNull().default('open'),
    completedAt: ts('completed_at'),
    completedBy: integer('completed_by'),
    completionNote: text('completion_note'),
    recordedBy: integer('recorded_by'),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('kb_notices_received_idx').on(t.receivedAt)],
);

/**
 * One row: a counter bumped by triggers (hand-written in the migration) on every write to kb_articles,
 * kb_terms and kb_synonyms, so a search process learns with one primary-key read whether its in-memory index
 * is stale (search-engine.ts).
 */
export const kbSearchState = pgTable('kb_search_state', {
  id: integer('id').primaryKey(),
  generation: bigint('generation', { mode: 'number' }).notNull().default(0),
});

/** 知识反馈 — an agent's verdict on a search result: useful or not, for the query and order it was shown for. */
export const kbFeedback = pgTable(
  'kb_feedback',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => kbArticles.id),
    useful: boolean('useful').notNull(),
    query: text('query'),
    orderId: integer('order_id'),
    /** 0 for the platform itself. */
    userId: integer('user_id').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('kb_feedback_article_idx').on(t.articleId, t.at)],
);

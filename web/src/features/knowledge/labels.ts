/** zh-CN labels of the knowledge base, update notices and training, in one place for these screens. */
import type { ArticleStatus, NoticeState } from './kb-api.ts';

export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: '草稿',
  published: '已发布',
  retired: '已下架',
};

export const ARTICLE_STATUS_COLORS: Record<ArticleStatus, string> = {
  draft: 'default',
  published: 'green',
  retired: 'volcano',
};

/** 材料性质 offered in forms and filters (the server accepts other short kinds too). */
export const ARTICLE_KINDS = ['办事指南', '法律法规', '政策文件', '热点问答', '通知公告', '常见问题', '其他'];

export const ARTICLE_FIELD_LABELS: Record<string, string> = {
  categoryPath: '类目',
  title: '标题',
  content: '内容',
  issuer: '发文单位',
  kind: '材料性质',
  keywords: '关键字',
  effectiveFrom: '生效日期',
  expiresOn: '失效日期',
  status: '状态',
  changeNote: '修改说明',
};

export const TERM_KIND_LABELS: Record<string, string> = {
  place: '地名',
  department: '部门简称',
  term: '热线术语',
};

export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  open: '待更新',
  overdue: '已超时',
  on_time: '按时完成',
  late: '超时完成',
};

export const NOTICE_STATE_COLORS: Record<NoticeState, string> = {
  open: 'processing',
  overdue: 'red',
  on_time: 'green',
  late: 'orange',
};

export const NOTICE_FIELD_LABELS: Record<string, string> = {
  receivedAt: '收到时间',
  source: '来文单位',
  title: '通知标题',
  requiredChange: '需更新内容',
  articleIds: '关联知识',
  note: '完成说明',
};

export const fmtRate = (v: number | null | undefined) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

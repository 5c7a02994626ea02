import { useState } from 'react';
import { App, Button, Card, Col, Input, Modal, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { post } from '../../app/api.ts';
import { fmtTime } from '../../app/format.ts';
import { QueryState, errorText } from '../../components/query-state.tsx';
import { ArticleFormModal } from './article-form.tsx';
import { ArticleTags, ArticleView } from './article-view.tsx';
import { useArticle, useCanWriteKb, useUserNames, type Article, type ArticleVersion } from './kb-api.ts';
import { ARTICLE_FIELD_LABELS, ARTICLE_STATUS_LABELS } from './labels.ts';
import { ArticleContent } from './rich-text.tsx';

function VersionHistory({ versions }: { versions: ArticleVersion[] }) {
  const nameOf = useUserNames();
  const [shown, setShown] = useState<ArticleVersion | null>(null);
  return (
    <Card size="small" title="版本记录" data-testid="kb-versions">
      <Timeline
        items={[...versions].reverse().map((v) => ({
          key: v.version,
          children: (
            <Space orientation="vertical" size={2} data-testid="kb-version">
              <Space size={6} wrap>
                <Typography.Text strong>第 {v.version} 版</Typography.Text>
                <Typography.Text type="secondary">{fmtTime(v.changedAt)}</Typography.Text>
                <Typography.Text>{v.changedByName ?? nameOf(v.changedBy)}</Typography.Text>
              </Space>
              <Space size={4} wrap>
                {v.version === 1 && !v.changedFields.length ? (
                  <Tag>新建</Tag>
                ) : (
                  v.changedFields.map((f) => (
                    <Tag key={f}>
                      {f === 'status' && v.snapshot.status
                        ? `${ARTICLE_STATUS_LABELS[v.snapshot.status] ?? v.snapshot.status}`
                        : (ARTICLE_FIELD_LABELS[f] ?? f)}
                    </Tag>
                  ))
                )}
              </Space>
              {v.changeNote && <Typography.Text type="secondary">{v.changeNote}</Typography.Text>}
              <Typography.Link onClick={() => setShown(v)}>查看此版本</Typography.Link>
            </Space>
          ),
        }))}
      />
      <Modal
        open={shown != null}
        title={shown ? `第 ${shown.version} 版：${shown.snapshot.title ?? ''}` : ''}
        footer={null}
        onCancel={() => setShown(null)}
        width={760}
      >
        {shown?.snapshot.content != null && <ArticleContent content={shown.snapshot.content} />}
      </Modal>
    </Card>
  );
}

/** Publish (发布) or retire (下架) with an optional note, confirmed first. */
function TransitionButton({ article, action }: { article: Article; action: 'publish' | 'retire' }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const label = action === 'publish' ? '发布' : '下架';
  const run = useMutation({
    mutationFn: (changeNote: string) =>
      post<Article>(`/api/kb/articles/${article.id}/${action}`, { changeNote: changeNote || undefined }),
    onSuccess: () => {
      message.success(`已${label}`);
      queryClient.invalidateQueries({ queryKey: ['kb'] });
    },
    onError: (err) => message.error(errorText(err)),
  });
  const confirm = () => {
    let note = '';
    modal.confirm({
      title: `${label}“${article.title}”？`,
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {action === 'publish'
              ? '发布后话务员即可检索到本知识。'
              : '下架后话务员将检索不到本知识，记录仍保留。'}
          </Typography.Text>
          <Input placeholder="说明（可不填）" maxLength={500} onChange={(e) => (note = e.target.value)} />
        </Space>
      ),
      okText: label,
      cancelText: '取消',
      onOk: () => run.mutateAsync(note.trim()),
    });
  };
  return (
    <Button
      type={action === 'publish' ? 'primary' : 'default'}
      danger={action === 'retire'}
      loading={run.isPending}
      onClick={confirm}
      data-testid={`kb-${action}`}
    >
      {label}
    </Button>
  );
}

/** 知识详情 — the article, and for editors its actions and every version with who changed what. */
export default function ArticlePage() {
  const id = Number(useParams().id);
  const q = useArticle(Number.isFinite(id) ? id : null);
  const canWrite = useCanWriteKb();
  const [editing, setEditing] = useState(false);
  const a = q.data;
  return (
    <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
      {a && (
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Card
              title={
                <Space wrap>
                  <span data-testid="kb-article-title">{a.title}</span>
                  <ArticleTags a={a} />
                </Space>
              }
              extra={
                <Space>
                  <Link to="/kb">返回检索</Link>
                  {canWrite && (
                    <>
                      <Button onClick={() => setEditing(true)} data-testid="kb-edit">
                        修改
                      </Button>
                      {a.status !== 'published' && <TransitionButton article={a} action="publish" />}
                      {a.status === 'published' && <TransitionButton article={a} action="retire" />}
                    </>
                  )}
                </Space>
              }
            >
              <ArticleView article={a} />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <VersionHistory versions={a.versions} />
          </Col>
          <ArticleFormModal
            open={editing}
            article={a}
            onClose={() => setEditing(false)}
            onSaved={() => setEditing(false)}
          />
        </Row>
      )}
    </QueryState>
  );
}

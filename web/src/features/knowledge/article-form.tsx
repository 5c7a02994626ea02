import { useEffect, useState } from 'react';
import { Alert, AutoComplete, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../app/api.ts';
import { applyZhServerErrors } from '../../components/zh-errors.ts';
import type { Article, ArticleDetail } from './kb-api.ts';
import { ARTICLE_FIELD_LABELS, ARTICLE_KINDS } from './labels.ts';

interface Values {
  categoryPath?: string;
  title: string;
  content: string;
  issuer?: string;
  kind: string;
  keywords: string[];
  effectiveFrom?: Dayjs | null;
  expiresOn?: Dayjs | null;
  changeNote?: string;
}

const toValues = (a: ArticleDetail): Values => ({
  categoryPath: a.categoryPath.join('/'),
  title: a.title,
  content: a.content,
  issuer: a.issuer ?? undefined,
  kind: a.kind,
  keywords: a.keywords,
  effectiveFrom: a.effectiveFrom ? dayjs(a.effectiveFrom) : null,
  expiresOn: a.expiresOn ? dayjs(a.expiresOn) : null,
});

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function body(v: Values) {
  return {
    categoryPath: v.categoryPath?.trim() ?? '',
    title: v.title.trim(),
    content: v.content,
    issuer: v.issuer?.trim() || null,
    kind: v.kind.trim(),
    keywords: v.keywords ?? [],
    effectiveFrom: day(v.effectiveFrom),
    expiresOn: day(v.expiresOn),
  };
}

/**
 * 新建 / 修改知识 — a new article is saved as a draft or published at once; a change to an existing one
 * becomes its next version, with a note saying why.
 */
export function ArticleFormModal({
  open,
  article,
  onClose,
  onSaved,
}: {
  open: boolean;
  article?: ArticleDetail;
  onClose: () => void;
  onSaved: (a: Article) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const editing = article != null;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(article ? toValues(article) : { kind: '办事指南', keywords: [] });
  }, [open, article, form]);

  const save = useMutation({
    mutationFn: async ({ v, status }: { v: Values; status: 'draft' | 'published' }) =>
      editing
        ? api<Article>('PATCH', `/api/kb/articles/${article.id}`, {
            ...body(v),
            changeNote: v.changeNote?.trim() || undefined,
          })
        : post<Article>('/api/kb/articles', { ...body(v), status }),
    onSuccess: (a) => {
      queryClient.invalidateQueries({ queryKey: ['kb'] });
      onSaved(a);
    },
    onError: (err) => setError(applyZhServerErrors(form, err, ARTICLE_FIELD_LABELS)),
  });

  const submit = async (status: 'draft' | 'published') => {
    setError(null);
    try {
      const v = await form.validateFields();
      save.mutate({ v, status });
    } catch {
      // messages are on the fields
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? `修改知识：${article.title}` : '新建知识'}
      onCancel={onClose}
      width={860}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          {editing ? (
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => submit('draft')}
              data-testid="kb-form-save"
            >
              保存修改
            </Button>
          ) : (
            <>
              <Button loading={save.isPending} onClick={() => submit('draft')} data-testid="kb-form-draft">
                保存草稿
              </Button>
              <Button
                type="primary"
                loading={save.isPending}
                onClick={() => submit('published')}
                data-testid="kb-form-publish"
              >
                保存并发布
              </Button>
            </>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" data-testid="kb-article-form">
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item
              name="title"
              label="标题"
              rules={[
                { required: true, whitespace: true, message: '请填写标题' },
                { max: 128, message: '标题不超过 128 字' },
              ]}
            >
              <Input placeholder="如：城乡居民医疗保险参保缴费办理指南" data-testid="kb-form-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="kind"
              label="材料性质"
              rules={[
                { required: true, whitespace: true, message: '请选择材料性质' },
                { max: 20, message: '材料性质不超过 20 字' },
              ]}
            >
              <AutoComplete options={ARTICLE_KINDS.map((k) => ({ value: k }))} placeholder="选择或输入" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="categoryPath"
              label="类目"
              extra="用“/”分隔层级，如 社会保障/医疗保险"
              rules={[{ max: 300, message: '类目过长' }]}
            >
              <Input placeholder="社会保障/医疗保险" data-testid="kb-form-category" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="issuer"
              label="发文单位"
              rules={[{ max: 100, message: '发文单位不超过 100 字' }]}
            >
              <Input placeholder="如：市医疗保障局" data-testid="kb-form-issuer" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="keywords" label="关键字" extra="回车添加，最多 50 个">
              <Select
                mode="tags"
                tokenSeparators={[',', '，', '、', ';', '；', ' ']}
                placeholder="输入关键字后回车"
                open={false}
                data-testid="kb-form-keywords"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="effectiveFrom" label="生效日期">
              <DatePicker style={{ width: '100%' }} placeholder="立即生效" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="expiresOn"
              label="失效日期"
              dependencies={['effectiveFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, v?: Dayjs | null) => {
                    const from = getFieldValue('effectiveFrom') as Dayjs | null | undefined;
                    if (v && from && v.isBefore(from, 'day')) throw new Error('失效日期不能早于生效日期');
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} placeholder="长期有效" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="content"
          label="内容"
          extra="支持换行和简单 Markdown（# 标题、- 列表、**加粗**、[链接](https://…)），不支持 HTML 标签"
          rules={[
            { required: true, whitespace: true, message: '请填写内容' },
            { max: 50000, message: '内容不超过 50000 字' },
            {
              validator: async (_, v?: string) => {
                if (v && /<\/?(?!br\b)[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i.test(v))
                  throw new Error('内容不能包含 HTML 标签，请使用 Markdown');
              },
            },
          ]}
        >
          <Input.TextArea rows={10} showCount maxLength={50000} data-testid="kb-form-content" />
        </Form.Item>
        {editing && (
          <Form.Item
            name="changeNote"
            label="修改说明"
            rules={[{ max: 500, message: '修改说明不超过 500 字' }]}
          >
            <Input placeholder="如：按市医保局 3 月通知更新缴费标准" data-testid="kb-form-note" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

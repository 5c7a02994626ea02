import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { api, post } from '../../app/api.ts';
import { fmtTime } from '../../app/format.ts';
import { QueryState, errorText } from '../../components/query-state.tsx';
import { applyZhServerErrors } from '../../components/zh-errors.ts';
import { useCanWriteKb, type SynonymGroup, type Term, type TermChange, type TermKind } from './kb-api.ts';
import { TERM_KIND_LABELS } from './labels.ts';

function TermsCard({ canWrite }: { canWrite: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ word: string; kind: string }>();
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const terms = useQuery({
    queryKey: ['kb', 'terms'],
    queryFn: () => unwrap(client.GET('/api/kb/terms')).then((r) => r.items),
  });
  const done = (verb: string) => (r: TermChange) => {
    message.success(`${verb}，已按新词典重建 ${r.reindexed.articles} 条知识的检索索引`);
    queryClient.invalidateQueries({ queryKey: ['kb'] });
  };
  const add = useMutation({
    mutationFn: (v: { word: string; kind: string }) =>
      unwrap(client.POST('/api/kb/terms', { body: { word: v.word.trim(), kind: v.kind as TermKind } })),
    onSuccess: (r) => {
      done('已添加')(r);
      form.resetFields(['word']);
    },
    onError: (err) => setError(applyZhServerErrors(form, err, { word: '词条', kind: '类别' })),
  });
  const remove = useMutation({
    mutationFn: (word: string) =>
      unwrap(client.DELETE('/api/kb/terms/{word}', { params: { path: { word } } })),
    onSuccess: done('已删除'),
    onError: (err) => message.error(errorText(err)),
  });
  const items = (terms.data ?? []).filter((t) => !filter || t.word.includes(filter));
  return (
    <Card size="small" title="用户词典" data-testid="kb-terms">
      <Typography.Paragraph type="secondary">
        地名、部门简称和热线术语加入词典后按整词切分（如“源汇区”“住建局”），检索更准确。增删词条会重建全部知识的检索索引。
      </Typography.Paragraph>
      {canWrite && (
        <>
          <Form
            form={form}
            layout="inline"
            initialValues={{ kind: 'place' }}
            onFinish={(v) => {
              setError(null);
              add.mutate(v);
            }}
            style={{ rowGap: 8, marginBottom: 12 }}
          >
            <Form.Item
              name="word"
              rules={[
                { required: true, whitespace: true, message: '请输入词条' },
                { min: 2, message: '词条至少 2 个字' },
                { max: 30, message: '词条不超过 30 个字' },
                { pattern: /^\S+$/, message: '词条不能包含空格' },
              ]}
            >
              <Input placeholder="如：召陵区" style={{ width: 180 }} data-testid="kb-term-word" />
            </Form.Item>
            <Form.Item name="kind">
              <Select
                style={{ width: 120 }}
                options={Object.entries(TERM_KIND_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              添加词条
            </Button>
          </Form>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        </>
      )}
      <Input.Search
        placeholder="查找词条"
        allowClear
        onSearch={setFilter}
        style={{ width: 220, marginBottom: 8 }}
      />
      <QueryState
        loading={terms.isLoading}
        error={terms.error}
        empty={!terms.data?.length}
        emptyText="词典还没有词条"
        onRetry={() => terms.refetch()}
      >
        <Table<Term>
          rowKey="word"
          size="small"
          dataSource={items}
          pagination={{ pageSize: 15, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
          columns={[
            { title: '词条', dataIndex: 'word' },
            {
              title: '类别',
              dataIndex: 'kind',
              render: (k: string) => <Tag>{TERM_KIND_LABELS[k] ?? k}</Tag>,
            },
            { title: '添加时间', dataIndex: 'createdAt', render: fmtTime },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'op',
                    width: 70,
                    render: (_: unknown, t: Term) => (
                      <Popconfirm
                        title={`删除词条“${t.word}”？`}
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => remove.mutateAsync(t.word)}
                      >
                        <Typography.Link type="danger">删除</Typography.Link>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </QueryState>
    </Card>
  );
}

function SynonymsCard({ canWrite }: { canWrite: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ words: string[] }>();
  const [error, setError] = useState<string | null>(null);
  const synonyms = useQuery({
    queryKey: ['kb', 'synonyms'],
    queryFn: () => unwrap(client.GET('/api/kb/synonyms')),
  });
  const add = useMutation({
    mutationFn: (v: { words: string[] }) =>
      post('/api/kb/synonyms', { words: v.words.map((w) => w.trim()).filter(Boolean) }),
    onSuccess: () => {
      message.success('已添加同义词组');
      form.resetFields();
      queryClient.invalidateQueries({ queryKey: ['kb'] });
    },
    onError: (err) => setError(applyZhServerErrors(form, err, { words: '同义词' })),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api('DELETE', `/api/kb/synonyms/${id}`),
    onSuccess: () => {
      message.success('已删除同义词组');
      queryClient.invalidateQueries({ queryKey: ['kb'] });
    },
    onError: (err) => message.error(errorText(err)),
  });
  return (
    <Card size="small" title="同义词" data-testid="kb-synonyms">
      <Typography.Paragraph type="secondary">
        同一组中的词互为同义词：检索任一个词也会找到含其他词的知识（如 医保 ↔ 医疗保险）。
      </Typography.Paragraph>
      {canWrite && (
        <>
          <Form
            form={form}
            layout="inline"
            onFinish={(v) => {
              setError(null);
              add.mutate(v);
            }}
            style={{ rowGap: 8, marginBottom: 12 }}
          >
            <Form.Item
              name="words"
              rules={[
                {
                  validator: async (_, v?: string[]) => {
                    const words = new Set((v ?? []).map((w) => w.trim()).filter(Boolean));
                    if (words.size < 2) throw new Error('请至少输入两个不同的词');
                    if (words.size > 20) throw new Error('一组最多 20 个词');
                    if ([...words].some((w) => w.length > 30)) throw new Error('每个词不超过 30 个字');
                  },
                },
              ]}
            >
              <Select
                mode="tags"
                open={false}
                tokenSeparators={[',', '，', '、', ' ']}
                placeholder="输入词语后回车，如 公积金 回车 住房公积金"
                style={{ width: 340 }}
                data-testid="kb-synonym-words"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              添加同义词组
            </Button>
          </Form>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        </>
      )}
      <QueryState loading={synonyms.isLoading} error={synonyms.error} onRetry={() => synonyms.refetch()}>
        <Table<SynonymGroup>
          rowKey="id"
          size="small"
          dataSource={synonyms.data?.items}
          locale={{ emptyText: '还没有自定义同义词组' }}
          pagination={false}
          columns={[
            { title: '同义词组', key: 'words', render: (_, g) => g.words.map((w) => <Tag key={w}>{w}</Tag>) },
            { title: '添加时间', dataIndex: 'createdAt', width: 150, render: fmtTime },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'op',
                    width: 70,
                    render: (_: unknown, g: SynonymGroup) => (
                      <Popconfirm
                        title="删除这组同义词？"
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => remove.mutateAsync(g.id)}
                      >
                        <Typography.Link type="danger">删除</Typography.Link>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          内置同义词（不可删除）
        </Typography.Title>
        <Space orientation="vertical" size={4}>
          {(synonyms.data?.builtIn ?? []).map((g) => (
            <div key={g.join('|')}>
              {g.map((w) => (
                <Tag key={w} color="default">
                  {w}
                </Tag>
              ))}
            </div>
          ))}
        </Space>
      </QueryState>
    </Card>
  );
}

/** 词典与同义词 — the segmenter's user dictionary and the synonym groups, kept by the KB editor. */
export default function KbDictionaryPage() {
  const canWrite = useCanWriteKb();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <TermsCard canWrite={canWrite} />
      </Col>
      <Col xs={24} xl={12}>
        <SynonymsCard canWrite={canWrite} />
      </Col>
    </Row>
  );
}

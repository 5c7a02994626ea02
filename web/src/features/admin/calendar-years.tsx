import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../../app/api.ts';
import { fmtTime } from '../../app/format.ts';
import type { DeclaredYear } from './calendar-shared.ts';
import { QueryState } from '../../components/query-state.tsx';
import { applyZhServerErrors } from '../../components/zh-errors.ts';

const LABELS = { year: '年份', source: '依据' };

/** The years the office has declared complete, and the form to declare one. */
export function DeclaredYears({
  years,
  loading,
  error: loadError,
  onRetry,
}: {
  years: DeclaredYear[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
}) {
  const [form] = Form.useForm<{ year: number; source: string }>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (v: { year: number; source: string }) =>
      post<DeclaredYear>('/api/calendar/years', { year: v.year, source: v.source.trim() }),
    onSuccess: () => {
      form.resetFields();
      queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
    onError: (err) => setError(applyZhServerErrors(form, err, LABELS)),
  });
  return (
    <Card size="small" title="已声明完整的年份" data-testid="calendar-years">
      <Typography.Paragraph type="secondary">
        内置数据未收录的年份，在录入国务院办公厅当年节假日安排通知的全部日期后，在此声明该年已完整；声明后该年的日期不再按“无官方数据”提示。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8, marginBottom: 12 }}
        initialValues={{ year: new Date().getFullYear() + 1 }}
        onFinish={(v) => {
          setError(null);
          mutation.mutate(v);
        }}
        data-testid="calendar-year-form"
      >
        <Form.Item
          name="year"
          label="年份"
          rules={[
            { required: true, message: '请填写年份' },
            { type: 'integer', min: 2000, max: 2100, message: '年份应在 2000–2100 之间' },
          ]}
        >
          <InputNumber precision={0} min={2000} max={2100} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item
          name="source"
          label="依据"
          rules={[
            { required: true, whitespace: true, message: '请填写依据（通知文号或名称）' },
            { max: 200, message: '不能超过 200 字' },
          ]}
        >
          <Input placeholder="如：国办发明电〔2026〕××号" style={{ width: 280 }} maxLength={200} />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={mutation.isPending}
            data-testid="calendar-year-declare"
          >
            声明完整
          </Button>
        </Form.Item>
      </Form>
      <QueryState loading={loading} error={loadError} onRetry={onRetry}>
        <Table<DeclaredYear>
          size="small"
          rowKey="year"
          pagination={false}
          dataSource={years}
          locale={{ emptyText: '尚未声明任何年份（内置数据已覆盖的年份无需声明）' }}
          columns={[
            { title: '年份', dataIndex: 'year', width: 90 },
            { title: '依据', dataIndex: 'source' },
            { title: '声明时间', dataIndex: 'declaredAt', width: 150, render: fmtTime },
          ]}
        />
      </QueryState>
    </Card>
  );
}

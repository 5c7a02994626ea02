import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Space,
  Table,
  Tag,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, get } from '../../app/api.ts';
import { fmtTime } from '../../app/format.ts';
import { errorText, QueryState } from '../../components/query-state.tsx';
import { CalendarMonth } from './calendar-month.tsx';
import { OVERRIDES_KEY, WEEKDAYS, type CalendarOverride, type DeclaredYear } from './calendar-shared.ts';
import { DeclaredYears } from './calendar-years.tsx';
import { applyZhServerErrors } from '../../components/zh-errors.ts';

interface OverrideValues {
  day?: Dayjs;
  isWorkday: boolean;
  name?: string;
  source?: string;
}

const LABELS = { day: '日期', isWorkday: '类型', name: '名称', source: '依据' };
const weekday = (d: string) => `周${WEEKDAYS[(dayjs(d).day() + 6) % 7]}`;

/** 节假日调整 — the office's override table, a month view of the calendar and the declared years. */
export default function CalendarPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<OverrideValues>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const q = useQuery({
    queryKey: OVERRIDES_KEY,
    queryFn: () =>
      get<{ items: CalendarOverride[]; declaredYears: DeclaredYear[] }>('/api/calendar/overrides'),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calendar'] });

  const save = useMutation({
    mutationFn: (v: OverrideValues) =>
      api<CalendarOverride>('PUT', `/api/calendar/overrides/${v.day!.format('YYYY-MM-DD')}`, {
        isWorkday: v.isWorkday,
        name: v.name!.trim(),
        source: v.source?.trim() || null,
      }),
    onSuccess: (o) => {
      message.success(`已保存 ${o.day} 的调整`);
      form.resetFields();
      refresh();
    },
    onError: (err) => setError(applyZhServerErrors(form, err, LABELS)),
  });
  const remove = useMutation({
    mutationFn: (day: string) => api('DELETE', `/api/calendar/overrides/${day}`),
    onSuccess: (_, day) => {
      message.success(`已删除 ${day} 的调整，该日恢复按内置数据计算`);
      refresh();
    },
    onError: (err) => message.error(errorText(err)),
  });

  const pick = (date: string) => {
    const existing = q.data?.items.find((o) => o.day === date);
    form.setFieldsValue(
      existing
        ? {
            day: dayjs(date),
            isWorkday: existing.isWorkday,
            name: existing.name,
            source: existing.source ?? undefined,
          }
        : { day: dayjs(date), isWorkday: [0, 6].includes(dayjs(date).day()) },
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="admin-calendar">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <CalendarMonth onPick={pick} />
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="添加或修改一天" data-testid="calendar-override-form-card">
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message="调整优先于内置数据：用于内置数据尚未收录的新一年的通知，或本地的特别安排。点击左侧月历中的日期可直接选中。"
            />
            {error && (
              <Alert
                type="error"
                showIcon
                message={error}
                style={{ marginBottom: 12 }}
                data-testid="calendar-override-error"
              />
            )}
            <Form<OverrideValues>
              form={form}
              layout="vertical"
              initialValues={{ isWorkday: false }}
              onFinish={(v) => {
                setError(null);
                save.mutate(v);
              }}
              data-testid="calendar-override-form"
            >
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="day" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="isWorkday"
                    label="类型"
                    rules={[{ required: true, message: '请选择类型' }]}
                  >
                    <Radio.Group
                      optionType="button"
                      options={[
                        { value: false, label: '休息日' },
                        { value: true, label: '工作日（调休）' },
                      ]}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="name"
                label="名称"
                rules={[
                  { required: true, whitespace: true, message: '请填写名称，如“春节”' },
                  { max: 50, message: '不能超过 50 字' },
                ]}
              >
                <Input placeholder="如：春节、国庆节调休" maxLength={50} />
              </Form.Item>
              <Form.Item name="source" label="依据" rules={[{ max: 200, message: '不能超过 200 字' }]}>
                <Input
                  placeholder="通知文号或名称，如：国务院办公厅关于2027年部分节假日安排的通知"
                  maxLength={200}
                />
              </Form.Item>
              <Space>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={save.isPending}
                  data-testid="calendar-override-save"
                >
                  保存
                </Button>
                <Button onClick={() => form.resetFields()}>清空</Button>
              </Space>
            </Form>
          </Card>
        </Col>
      </Row>

      <Card size="small" title="调整记录" data-testid="calendar-overrides">
        <QueryState
          loading={q.isLoading}
          error={q.error}
          empty={q.data?.items.length === 0}
          emptyText="暂无调整，全部按内置数据计算"
          onRetry={() => q.refetch()}
        >
          <Table<CalendarOverride>
            data-testid="calendar-overrides-table"
            size="small"
            rowKey="day"
            dataSource={q.data?.items}
            scroll={{ x: 760 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: '日期', dataIndex: 'day', width: 150, render: (d: string) => `${d}（${weekday(d)}）` },
              {
                title: '类型',
                dataIndex: 'isWorkday',
                width: 130,
                render: (w: boolean) =>
                  w ? <Tag color="blue">工作日（调休）</Tag> : <Tag color="red">休息日</Tag>,
              },
              { title: '名称', dataIndex: 'name', width: 140 },
              { title: '依据', dataIndex: 'source', ellipsis: true, render: (s: string | null) => s ?? '—' },
              { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: fmtTime },
              {
                title: '操作',
                key: 'actions',
                width: 120,
                render: (_: unknown, o) => (
                  <Space size={4}>
                    <Button size="small" type="link" onClick={() => pick(o.day)}>
                      修改
                    </Button>
                    <Popconfirm
                      title={`删除 ${o.day} 的调整？`}
                      description="删除后该日按内置数据计算。"
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() => remove.mutate(o.day)}
                    >
                      <Button
                        size="small"
                        type="link"
                        danger
                        data-testid={`calendar-override-delete-${o.day}`}
                      >
                        删除
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </QueryState>
      </Card>

      <DeclaredYears
        years={q.data?.declaredYears ?? []}
        loading={q.isLoading}
        error={q.error}
        onRetry={() => q.refetch()}
      />
    </Space>
  );
}

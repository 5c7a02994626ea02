import {
  Alert,
  Button,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { client, unwrap } from '../../api/client.ts';
import { FormModal } from './form-modal.tsx';
import type { QaCriterion, QaSample, QaSheet } from './shared.ts';

interface SheetValues {
  name: string;
  passScore: number;
  criteria: { label: string; weight: number; fatal?: boolean }[];
}

/** 新建评分表 — criteria with weights adding up to 100, some fatal (致命错误), and a pass mark. */
export function SheetModal({ onClose }: { onClose: () => void }) {
  return (
    <FormModal<SheetValues>
      title="新建质检评分表"
      width={720}
      labels={{ name: '评分表名称', passScore: '合格分', criteria: '评分项' }}
      testId="sheet-form"
      invalidate={[['quality', 'sheets']]}
      successText="评分表已创建"
      initialValues={{
        passScore: 80,
        criteria: [
          { label: '服务规范用语', weight: 20 },
          { label: '业务解答准确', weight: 40 },
          { label: '工单记录完整', weight: 30 },
          { label: '服务态度', weight: 10, fatal: true },
        ],
      }}
      submit={(v) =>
        unwrap(
          client.POST('/api/quality/sheets', {
            body: {
              name: v.name.trim(),
              passScore: v.passScore,
              criteria: v.criteria.map((c, i) => ({
                key: `c${i + 1}`,
                label: c.label.trim(),
                weight: c.weight,
                fatal: Boolean(c.fatal),
              })),
            },
          }),
        )
      }
      onClose={onClose}
    >
      {(form) => (
        <>
          <Row gutter={12}>
            <Col span={16}>
              <Form.Item
                name="name"
                label="评分表名称"
                rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
              >
                <Input maxLength={100} placeholder="如：2026 年话务质检评分表" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="passScore"
                label="合格分"
                rules={[{ required: true, message: '请填写合格分' }]}
              >
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.List
            name="criteria"
            rules={[
              {
                validator: async (_, list: SheetValues['criteria'] | undefined) => {
                  if (!list?.length) throw new Error('至少一个评分项');
                  const total = list.reduce((s, c) => s + (Number(c?.weight) || 0), 0);
                  if (Math.abs(total - 100) > 1e-6) throw new Error(`各项权重之和须为 100（现为 ${total}）`);
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item
                      name={[f.name, 'label']}
                      rules={[{ required: true, whitespace: true, message: '请填写评分项' }]}
                    >
                      <Input placeholder="评分项" style={{ width: 280 }} maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: '请填写权重' }]}>
                      <InputNumber min={1} max={100} addonAfter="分" placeholder="权重" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'fatal']} valuePropName="checked">
                      <Checkbox>致命项</Checkbox>
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      type="text"
                      onClick={() => remove(f.name)}
                      aria-label="删除"
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ weight: 10 })}>
                  添加评分项
                </Button>
                <Form.ErrorList errors={errors} />
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const list = (form.getFieldValue('criteria') ?? []) as SheetValues['criteria'];
                    const total = list.reduce((s, c) => s + (Number(c?.weight) || 0), 0);
                    return (
                      <Typography.Paragraph
                        type={total === 100 ? 'secondary' : 'danger'}
                        style={{ marginTop: 8 }}
                      >
                        权重合计 {total} / 100
                      </Typography.Paragraph>
                    );
                  }}
                </Form.Item>
              </>
            )}
          </Form.List>
        </>
      )}
    </FormModal>
  );
}

export function DrawModal({
  sheets,
  month,
  onClose,
}: {
  sheets: QaSheet[];
  month: string;
  onClose: () => void;
}) {
  return (
    <FormModal<{ sheetId: number; month: string; perAgent: number }>
      title="抽取月度质检样本"
      labels={{ sheetId: '评分表', month: '月份', perAgent: '每人抽取' }}
      testId="draw-form"
      invalidate={[['quality', 'samples']]}
      successText={(r) => `已抽取 ${(r as { drawn: number }).drawn} 通`}
      initialValues={{ sheetId: sheets.find((s) => s.active)?.id, month, perAgent: 5 }}
      submit={(v) => unwrap(client.POST('/api/quality/samples/draw', { body: v }))}
      onClose={onClose}
    >
      <Form.Item name="sheetId" label="评分表" rules={[{ required: true, message: '请选择评分表' }]}>
        <Select options={sheets.map((s) => ({ value: s.id, label: s.name }))} />
      </Form.Item>
      <Form.Item
        name="month"
        label="月份"
        rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: '请按 YYYY-MM 填写月份' }]}
      >
        <Input maxLength={7} />
      </Form.Item>
      <Form.Item
        name="perAgent"
        label="每名话务员抽取通数"
        rules={[{ required: true, message: '请填写抽取数' }]}
      >
        <InputNumber min={1} max={50} />
      </Form.Item>
      <Typography.Text type="secondary">
        从该月每名话务员已接通的来电中随机抽取（同一月份可重复抽取，不会重复抽到同一通）。
      </Typography.Text>
    </FormModal>
  );
}

interface ScoreValues {
  points: Record<string, number>;
  fatal: string[];
  comment?: string;
}

/** 评分 — points earned per criterion (0 to its weight), fatal errors ticked, a comment. */
export function ScoreModal({
  sample,
  sheet,
  onClose,
}: {
  sample: QaSample;
  sheet: QaSheet;
  onClose: () => void;
}) {
  const criteria = sheet.criteria as QaCriterion[];
  return (
    <FormModal<ScoreValues>
      title={`质检评分 · ${sample.agentName} · ${sample.month}`}
      width={640}
      labels={{ scores: '评分', fatalErrors: '致命错误', comment: '评语' }}
      testId="score-form"
      invalidate={[['quality']]}
      successText={(r) => `已评分：${(r as QaSample).total} 分`}
      initialValues={{ points: Object.fromEntries(criteria.map((c) => [c.key, c.weight])), fatal: [] }}
      submit={(v) =>
        unwrap(
          client.POST('/api/quality/samples/{id}/score', {
            params: { path: { id: sample.id } },
            body: {
              scores: Object.fromEntries(criteria.map((c) => [c.key, (v.points[c.key] ?? 0) / c.weight])),
              fatalErrors: v.fatal ?? [],
              comment: v.comment?.trim() || undefined,
            },
          }),
        )
      }
      onClose={onClose}
    >
      {(form) => (
        <>
          {criteria.map((c) => (
            <Form.Item
              key={c.key}
              name={['points', c.key]}
              label={`${c.label}（满分 ${c.weight}）`}
              rules={[{ required: true, message: '请评分' }]}
            >
              <InputNumber min={0} max={c.weight} step={0.5} data-testid={`score-${c.key}`} />
            </Form.Item>
          ))}
          {criteria.some((c) => c.fatal) && (
            <Form.Item name="fatal" label="致命错误">
              <Checkbox.Group
                options={criteria.filter((c) => c.fatal).map((c) => ({ value: c.key, label: c.label }))}
              />
            </Form.Item>
          )}
          <Form.Item noStyle shouldUpdate>
            {() => {
              const pts = (form.getFieldValue('points') ?? {}) as Record<string, number>;
              const total = criteria.reduce((s, c) => s + (Number(pts[c.key]) || 0), 0);
              return (
                <Typography.Paragraph strong>
                  总分 {Math.round(total * 100) / 100}（合格分 {sheet.passScore}）
                </Typography.Paragraph>
              );
            }}
          </Form.Item>
          <Form.Item name="comment" label="评语">
            <Input.TextArea rows={3} maxLength={2000} data-testid="score-comment" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

export function AppealModal({ sample, onClose }: { sample: QaSample; onClose: () => void }) {
  return (
    <FormModal<{ reason: string }>
      title="对质检评分提出申诉"
      labels={{ reason: '申诉理由' }}
      testId="appeal-form"
      invalidate={[['quality']]}
      successText="申诉已提交"
      submit={(v) =>
        unwrap(
          client.POST('/api/quality/samples/{id}/appeal', {
            params: { path: { id: sample.id } },
            body: { reason: v.reason.trim() },
          }),
        )
      }
      onClose={onClose}
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="得分">{sample.total}</Descriptions.Item>
        <Descriptions.Item label="致命错误">{sample.fatal ? '有' : '无'}</Descriptions.Item>
        <Descriptions.Item label="评语" span={2}>
          {sample.comment ?? '—'}
        </Descriptions.Item>
      </Descriptions>
      <Form.Item
        name="reason"
        label="申诉理由"
        rules={[{ required: true, whitespace: true, message: '请填写申诉理由' }]}
      >
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
      <Typography.Text type="secondary">每个样本只能申诉一次。</Typography.Text>
    </FormModal>
  );
}

interface DecideValues {
  uphold: boolean;
  revisedTotal?: number;
  clearFatal?: boolean;
  note: string;
}

export function AppealDecisionModal({ sample, onClose }: { sample: QaSample; onClose: () => void }) {
  return (
    <FormModal<DecideValues>
      title={`审核申诉 · ${sample.agentName}`}
      labels={{ uphold: '审核结果', revisedTotal: '改后得分', clearFatal: '撤销致命错误', note: '审核意见' }}
      testId="appeal-decide-form"
      invalidate={[['quality']]}
      successText={(r) => ((r as QaSample).appealStatus === 'revised' ? '申诉成立，已改分' : '已维持原评分')}
      submit={(v) =>
        unwrap(
          client.POST('/api/quality/samples/{id}/appeal/decide', {
            params: { path: { id: sample.id } },
            body: {
              uphold: v.uphold,
              revisedTotal: v.uphold ? undefined : v.revisedTotal,
              clearFatal: v.uphold ? undefined : Boolean(v.clearFatal),
              note: v.note.trim(),
            },
          }),
        )
      }
      onClose={onClose}
    >
      {(form) => (
        <>
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            title={`原得分 ${sample.total}${sample.fatal ? '（有致命错误）' : ''}`}
            description={`申诉理由：${sample.appealReason ?? ''}`}
          />
          <Form.Item name="uphold" label="审核结果" rules={[{ required: true, message: '请选择审核结果' }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: true, label: '维持原评分' },
                { value: false, label: '申诉成立，改分' },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              form.getFieldValue('uphold') === false ? (
                <>
                  <Form.Item
                    name="revisedTotal"
                    label="改后得分"
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: (_, v: number | undefined) =>
                          v == null && !getFieldValue('clearFatal')
                            ? Promise.reject(new Error('请填写改后得分，或撤销致命错误'))
                            : Promise.resolve(),
                      }),
                    ]}
                  >
                    <InputNumber min={0} max={100} data-testid="appeal-revised" />
                  </Form.Item>
                  {sample.fatal && (
                    <Form.Item name="clearFatal" valuePropName="checked">
                      <Checkbox>撤销致命错误</Checkbox>
                    </Form.Item>
                  )}
                </>
              ) : null
            }
          </Form.Item>
          <Form.Item
            name="note"
            label="审核意见"
            rules={[{ required: true, whitespace: true, message: '请填写审核意见' }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

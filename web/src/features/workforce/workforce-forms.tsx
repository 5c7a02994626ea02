import dayjs, { type Dayjs } from 'dayjs';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { client, type paths, unwrap } from '../../api/client.ts';
import { FormModal } from '../quality/form-modal.tsx';
import { END_REASON_OPTIONS, ROLE_OPTIONS, type Member, type ReplacementRequest } from './shared.ts';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
/** A required date field (the form's rules make it present). */
const reqDay = (d: Dayjs) => d.format('YYYY-MM-DD');
type Body<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type Role = Body<'/api/workforce/members'>['role'];
type EndReason = Body<'/api/workforce/members/{id}/end'>['endReason'];
const INVALIDATE = [['workforce']];

export function MemberModal({ onClose }: { onClose: () => void }) {
  return (
    <FormModal<{ name: string; role: Role; startDate: Dayjs; note?: string }>
      title="新增团队人员"
      labels={{ name: '姓名', role: '岗位', startDate: '到岗日期', note: '备注' }}
      testId="member-form"
      invalidate={INVALIDATE}
      successText="已加入名册"
      initialValues={{ role: 'agent', startDate: dayjs() }}
      submit={(v) =>
        unwrap(
          client.POST('/api/workforce/members', {
            body: {
              name: v.name.trim(),
              role: v.role,
              startDate: reqDay(v.startDate),
              note: v.note?.trim() || null,
            },
          }),
        )
      }
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label="姓名"
        rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="role" label="岗位" rules={[{ required: true, message: '请选择岗位' }]}>
            <Select options={ROLE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="startDate"
            label="到岗日期"
            rules={[{ required: true, message: '请选择到岗日期' }]}
          >
            <DatePicker />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

export function EndModal({ member, onClose }: { member: Member; onClose: () => void }) {
  return (
    <FormModal<{ endDate: Dayjs; endReason: EndReason; note?: string }>
      title={`离岗：${member.name}`}
      labels={{ endDate: '最后在岗日', endReason: '离岗原因', note: '备注' }}
      testId="member-end-form"
      invalidate={INVALIDATE}
      successText="已登记离岗"
      initialValues={{ endDate: dayjs() }}
      submit={(v) =>
        unwrap(
          client.POST('/api/workforce/members/{id}/end', {
            params: { path: { id: member.id } },
            body: {
              endDate: reqDay(v.endDate),
              endReason: v.endReason,
              note: v.note?.trim() || null,
            },
          }),
        )
      }
      onClose={onClose}
    >
      <Form.Item name="endDate" label="最后在岗日" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(member.startDate), 'day')} />
      </Form.Item>
      <Form.Item name="endReason" label="离岗原因" rules={[{ required: true, message: '请选择离岗原因' }]}>
        <Select options={END_REASON_OPTIONS} />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

interface ChangeValues {
  effectiveOn: Dayjs;
  agreed: number;
  consented: boolean;
  consentedOn?: Dayjs | null;
  consentRef?: string;
  noticeGivenOn?: Dayjs | null;
  note?: string;
}

export function ChangeModal({ onClose }: { onClose: () => void }) {
  return (
    <FormModal<ChangeValues>
      title="登记人员数量变更"
      labels={{
        effectiveOn: '生效日期',
        agreed: '约定人数',
        consented: '甲方同意',
        consentedOn: '同意日期',
        consentRef: '同意文件',
        noticeGivenOn: '通知日期',
        note: '备注',
      }}
      testId="change-form"
      invalidate={INVALIDATE}
      successText="已登记"
      initialValues={{ agreed: 45, consented: false, noticeGivenOn: dayjs() }}
      submit={(v) =>
        unwrap(
          client.POST('/api/workforce/headcount-changes', {
            body: {
              effectiveOn: reqDay(v.effectiveOn),
              agreed: v.agreed,
              consented: v.consented,
              consentedOn: v.consented ? day(v.consentedOn) : null,
              consentRef: v.consentRef?.trim() || null,
              noticeGivenOn: day(v.noticeGivenOn),
              note: v.note?.trim() || null,
            },
          }),
        )
      }
      onClose={onClose}
    >
      {(form) => (
        <>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                name="effectiveOn"
                label="生效日期"
                rules={[{ required: true, message: '请选择生效日期' }]}
              >
                <DatePicker />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="agreed"
                label="变更后约定人数"
                rules={[{ required: true, message: '请填写人数' }]}
              >
                <InputNumber min={0} max={10000} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="noticeGivenOn"
            label="通知日期"
            extra="人员数量变化需提前 7 日通知（三门峡合同第四条）"
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="consented" label="甲方已同意" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              form.getFieldValue('consented') ? (
                <Row gutter={12}>
                  <Col span={12}>
                    <Form.Item
                      name="consentedOn"
                      label="同意日期"
                      rules={[{ required: true, message: '请选择同意日期' }]}
                    >
                      <DatePicker />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name="consentRef" label="同意文件">
                      <Input maxLength={200} placeholder="函号、会议纪要" />
                    </Form.Item>
                  </Col>
                </Row>
              ) : null
            }
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

export function ReplacementModal({ members, onClose }: { members: Member[]; onClose: () => void }) {
  return (
    <FormModal<{ memberId: number; requestedOn: Dayjs; reason: string; documentRef?: string }>
      title="要求更换人员"
      labels={{ memberId: '需更换人员', requestedOn: '要求日期', reason: '原因', documentRef: '文件' }}
      testId="replacement-form"
      invalidate={INVALIDATE}
      successText="已登记更换要求，乙方应在 3 日内更换"
      initialValues={{ requestedOn: dayjs() }}
      submit={(v) =>
        unwrap(
          client.POST('/api/workforce/replacement-requests', {
            body: {
              memberId: v.memberId,
              requestedOn: reqDay(v.requestedOn),
              reason: v.reason.trim(),
              documentRef: v.documentRef?.trim() || null,
            },
          }),
        )
      }
      onClose={onClose}
    >
      <Form.Item name="memberId" label="需更换人员" rules={[{ required: true, message: '请选择人员' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={members.map((m) => ({ value: m.id, label: `${m.name}（${m.roleLabel}）` }))}
        />
      </Form.Item>
      <Form.Item name="requestedOn" label="要求日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="reason"
        label="原因"
        rules={[{ required: true, whitespace: true, message: '请填写原因' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="documentRef" label="文件">
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

export function FulfilModal({
  r,
  members,
  onClose,
}: {
  r: ReplacementRequest;
  members: Member[];
  onClose: () => void;
}) {
  return (
    <FormModal<{ replacementMemberId: number; endDate?: Dayjs; note?: string }>
      title={`完成更换：${r.memberName}`}
      labels={{ replacementMemberId: '接替人员', endDate: '原人员最后在岗日', note: '备注' }}
      testId="fulfil-form"
      invalidate={INVALIDATE}
      successText="已完成更换"
      submit={(v) =>
        unwrap(
          client.POST('/api/workforce/replacement-requests/{id}/fulfil', {
            params: { path: { id: r.id } },
            body: {
              replacementMemberId: v.replacementMemberId,
              endDate: v.endDate ? reqDay(v.endDate) : undefined,
              note: v.note?.trim() || null,
            },
          }),
        )
      }
      onClose={onClose}
    >
      <Form.Item
        name="replacementMemberId"
        label="接替人员（先在名册中新增）"
        rules={[{ required: true, message: '请选择接替人员' }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={members
            .filter((m) => m.id !== r.memberId)
            .map((m) => ({ value: m.id, label: `${m.name}（${m.startDate} 到岗）` }))}
        />
      </Form.Item>
      <Form.Item name="endDate" label="原人员最后在岗日" extra="原人员尚未离岗时填写，将同时登记其离岗">
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

export function WithdrawModal({ r, onClose }: { r: ReplacementRequest; onClose: () => void }) {
  return (
    <FormModal<{ note: string }>
      title={`撤回更换要求：${r.memberName}`}
      labels={{ note: '撤回原因' }}
      invalidate={INVALIDATE}
      successText="已撤回"
      submit={(v) =>
        unwrap(
          client.POST('/api/workforce/replacement-requests/{id}/withdraw', {
            params: { path: { id: r.id } },
            body: { note: v.note.trim() },
          }),
        )
      }
      onClose={onClose}
    >
      <Form.Item
        name="note"
        label="撤回原因"
        rules={[{ required: true, whitespace: true, message: '请填写撤回原因' }]}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

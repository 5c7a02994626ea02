import dayjs, { type Dayjs } from 'dayjs';
import { DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import { api, post } from '../../app/api.ts';
import { FormModal } from '../quality/form-modal.tsx';
import { yuan, type Statement, type StatementWarning } from './shared.ts';

export function ConfirmModal({ s, onClose }: { s: Statement; onClose: () => void }) {
  return (
    <FormModal<{ note?: string }>
      title={`确认第 ${s.quarter} 季度结算单`}
      labels={{ note: '备注' }}
      testId="statement-confirm-form"
      invalidate={[['contracts']]}
      successText="结算单已确认并冻结"
      submit={(v) =>
        post(`/api/contracts/${s.contractId}/settlements/${s.quarter}/confirm`, {
          note: v.note?.trim() || undefined,
        })
      }
      onClose={onClose}
    >
      <Typography.Paragraph>
        应付金额 <Typography.Text strong>{yuan(s.payableFen)}</Typography.Text>（基数 {yuan(s.baseFen)}，扣减{' '}
        {yuan(s.deductedFen)}
        ）。确认后结算单连同其输入数据的哈希值一并冻结；此后数据变化（如迟到的申诉）只显示差异，不改写已确认的结算单。
      </Typography.Paragraph>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

interface PaymentValues {
  invoiceReceivedOn?: Dayjs | null;
  invoiceRef?: string;
  paidOn?: Dayjs | null;
  paidYuan?: number | null;
}

/** 发票与付款 — the office's finance side of a quarter. Yuan typed, fen sent. */
export function PaymentModal({ s, onClose }: { s: Statement; onClose: () => void }) {
  return (
    <FormModal<PaymentValues>
      title={`第 ${s.quarter} 季度发票与付款`}
      labels={{
        invoiceReceivedOn: '收到发票日期',
        invoiceRef: '发票号码',
        paidOn: '付款日期',
        paidFen: '付款金额',
      }}
      testId="payment-form"
      invalidate={[['contracts']]}
      successText="已登记"
      initialValues={{
        invoiceReceivedOn: s.invoice.receivedOn ? dayjs(s.invoice.receivedOn) : null,
        invoiceRef: s.invoice.ref ?? undefined,
        paidOn: s.payment.paidOn ? dayjs(s.payment.paidOn) : null,
        paidYuan: s.payment.paidFen != null ? s.payment.paidFen / 100 : null,
      }}
      submit={(v) =>
        api('PUT', `/api/contracts/${s.contractId}/payments/${s.quarter}`, {
          invoiceReceivedOn: v.invoiceReceivedOn ? v.invoiceReceivedOn.format('YYYY-MM-DD') : null,
          invoiceRef: v.invoiceRef?.trim() || null,
          paidOn: v.paidOn ? v.paidOn.format('YYYY-MM-DD') : null,
          paidFen: v.paidYuan == null ? null : Math.round(v.paidYuan * 100),
        })
      }
      onClose={onClose}
    >
      <Form.Item name="invoiceReceivedOn" label="收到发票日期">
        <DatePicker />
      </Form.Item>
      <Form.Item name="invoiceRef" label="发票号码">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="paidOn" label="付款日期">
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="paidYuan"
        label="付款金额（元）"
        extra={`应付 ${yuan(s.payableFen)}`}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, v: number | null | undefined) =>
              getFieldValue('paidOn') && v == null
                ? Promise.reject(new Error('已填付款日期时请填写付款金额'))
                : Promise.resolve(),
          }),
        ]}
      >
        <InputNumber min={0} precision={2} style={{ width: 220 }} prefix="¥" />
      </Form.Item>
    </FormModal>
  );
}

/** 确认提示 — the office says what it checked about one warning, so the statement can be confirmed. */
export function AcknowledgeModal({
  s,
  w,
  onClose,
}: {
  s: Statement;
  w: StatementWarning;
  onClose: () => void;
}) {
  return (
    <FormModal<{ note: string }>
      title="确认结算单提示"
      labels={{ note: '核实情况' }}
      testId="warning-acknowledge-form"
      invalidate={[['contracts']]}
      successText="提示已确认"
      submit={(v) =>
        post(
          `/api/contracts/${s.contractId}/settlements/${s.quarter}/warnings/${encodeURIComponent(w.key)}/acknowledge`,
          { note: v.note.trim() },
        )
      }
      onClose={onClose}
    >
      <Typography.Paragraph>{w.messageZh}</Typography.Paragraph>
      <Form.Item
        name="note"
        label="核实情况"
        rules={[{ required: true, whitespace: true, message: '请填写核实情况' }]}
      >
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

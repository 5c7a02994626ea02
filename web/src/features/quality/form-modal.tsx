import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applyZhServerErrors } from '../../components/zh-errors.ts';

/**
 * A form in a dialog that sends one request: validates in Chinese before sending, puts the server's field errors
 * on the fields, refreshes the lists it names and closes on success. Shared by the quality, contract and roster
 * screens.
 */
export function FormModal<V extends object, R = unknown>({
  title,
  labels = {},
  submit,
  onClose,
  onDone,
  invalidate = [],
  successText = '已保存',
  initialValues,
  width,
  testId,
  children,
}: {
  title: ReactNode;
  labels?: Record<string, string>;
  submit: (values: V) => Promise<R>;
  onClose: () => void;
  onDone?: (result: R) => void;
  invalidate?: unknown[][];
  successText?: string | ((result: R) => string);
  initialValues?: Partial<V>;
  width?: number;
  testId?: string;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}) {
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: submit,
    onSuccess: (result) => {
      for (const key of invalidate) queryClient.invalidateQueries({ queryKey: key });
      message.success(typeof successText === 'function' ? successText(result) : successText);
      onDone?.(result);
      onClose();
    },
    onError: (err) => setError(applyZhServerErrors(form, err, labels)),
  });
  return (
    <Modal
      open
      title={title}
      okText="提交"
      cancelText="取消"
      width={width}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        data-testid={testId}
        onFinish={(v) => {
          setError(null);
          mutation.mutate(v);
        }}
      >
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}

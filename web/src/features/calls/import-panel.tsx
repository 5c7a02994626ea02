import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Row, Select, Statistic, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CALL_IMPORT_FORMAT_LABELS, options } from '../../app/labels.ts';
import type { CallImportFormat, CallImportResult, RejectedCallLine } from './types.ts';
import { applyZhServerErrors } from '../../components/zh-errors.ts';
import { uploadCallLog } from './call-import.ts';

interface Values {
  format?: CallImportFormat;
  file?: UploadFile[];
}

const LABELS = { format: '格式', body: '文件', fileName: '文件名' };

export const rejectionColumns = [
  { title: '行号', dataIndex: 'line', width: 90 },
  { title: '原因', dataIndex: 'reason' },
];

/** 导入话单 — a switch's call log (generic CSV/JSONL, Asterisk queue_log, FreeSWITCH CDR) uploaded as it is. */
export function ImportPanel() {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (v: Values) => uploadCallLog(v.format!, v.file![0]!.originFileObj as File),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['calls'] });
    },
    onError: (err) => setError(applyZhServerErrors(form, err, LABELS)),
  });

  return (
    <Card size="small" title="导入话单" data-testid="call-import">
      <Typography.Paragraph type="secondary">
        同一文件重复导入不会产生重复记录；格式错误的行会列出行号和原因，不影响其他行导入。仅统计进入人工队列的呼叫，其他行（如坐席签入、非队列呼叫）计为跳过。
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{ format: 'generic' }}
        onFinish={(v) => {
          setError(null);
          mutation.reset();
          mutation.mutate(v);
        }}
        style={{ rowGap: 12 }}
        data-testid="call-import-form"
      >
        <Form.Item name="format" label="格式" rules={[{ required: true, message: '请选择话单格式' }]}>
          <Select
            options={options(CALL_IMPORT_FORMAT_LABELS)}
            style={{ width: 320 }}
            data-testid="call-import-format"
          />
        </Form.Item>
        <Form.Item
          name="file"
          label="文件"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
          rules={[
            { required: true, type: 'array', min: 1, message: '请选择要导入的文件' },
            {
              validator: (_, list?: UploadFile[]) =>
                !list?.[0] || (list[0].size ?? 1) > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error('文件为空')),
            },
          ]}
        >
          <Upload
            beforeUpload={() => false}
            maxCount={1}
            accept=".csv,.jsonl,.ndjson,.json,.log,.txt,text/csv"
          >
            <Button icon={<UploadOutlined />} data-testid="call-import-file">
              选择文件
            </Button>
          </Upload>
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={mutation.isPending}
            data-testid="call-import-submit"
          >
            {mutation.isPending ? '正在导入…' : '导入'}
          </Button>
        </Form.Item>
      </Form>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginTop: 12 }}
          data-testid="call-import-error"
        />
      )}
      {mutation.data && <ImportResult result={mutation.data} />}
    </Card>
  );
}

function ImportResult({ result: r }: { result: CallImportResult }) {
  const stat = (title: string, value: number, color?: string) => (
    <Col xs={8} md={4}>
      <Statistic title={title} value={value} styles={{ content: color ? { color } : undefined }} />
    </Col>
  );
  return (
    <div data-testid="call-import-result" style={{ marginTop: 16 }}>
      <Alert
        type={r.rejected ? 'warning' : 'success'}
        showIcon
        title={
          r.rejected
            ? `导入完成：新增 ${r.imported} 通，${r.rejected} 行未能导入`
            : `导入完成：新增 ${r.imported} 通${r.alreadyPresent ? `，${r.alreadyPresent} 通此前已导入` : ''}`
        }
        style={{ marginBottom: 12 }}
      />
      <Row gutter={[12, 12]}>
        {stat('读取行数', r.read)}
        {stat('呼叫数', r.calls)}
        {stat('新增导入', r.imported, '#389e0d')}
        {stat('已存在', r.alreadyPresent)}
        {stat('拒绝', r.rejected, r.rejected ? '#cf1322' : undefined)}
        {stat('跳过', r.skipped)}
      </Row>
      {r.rejections.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            未能导入的行
            {r.rejected > r.rejections.length && (
              <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
                （共 {r.rejected} 行，列出前 {r.rejections.length} 行）
              </Typography.Text>
            )}
          </Typography.Title>
          <Table<RejectedCallLine>
            size="small"
            rowKey={(x) => `${x.line}:${x.reason}`}
            columns={rejectionColumns}
            dataSource={r.rejections}
            pagination={r.rejections.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            data-testid="call-import-rejections"
          />
        </>
      )}
    </div>
  );
}

import { useState } from 'react';
import { Alert, Button, List, Space, Typography, Upload, message } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, client, unwrap } from '../../api/client.ts';
import { ApiError } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtTime } from '../../app/format.ts';
import { ROLE_LABELS } from '../../app/labels.ts';
import type { OrderView } from './order-api.ts';

export type Attachment = Answer<'/api/orders/{id}/attachments', 'get'>['items'][number];

/** What the server takes (it sniffs the bytes anyway; this only spares a pointless upload). */
export const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';
export const MAX_MB = 10;

const KIND_LABELS: Record<string, string> = { submission: '诉求材料', reply: '答复材料' };

export function fmtSize(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** Uploads one file as multipart `file`; the server's Chinese message on refusal. */
export async function uploadAttachment(orderId: number, file: File): Promise<Attachment> {
  const body = new FormData();
  body.append('file', file, file.name);
  return unwrap(
    client.POST('/api/orders/{id}/attachments', {
      params: { path: { id: orderId } },
      body: body as never,
      bodySerializer: (b: unknown) => b as FormData,
    }),
  );
}

/** Whether this user may add files to the order now (the server decides again). */
function mayUpload(o: OrderView, role: string, departmentId: number | null): boolean {
  if (role === 'department')
    return (o.status === 'dispatched' || o.status === 'in_progress') && o.departmentId === departmentId;
  if (role === 'agent' || role === 'team_lead' || role === 'office')
    return !['closed', 'archived', 'merged'].includes(o.status);
  return false;
}

/** 附件 — the citizen's photos and the department's reply documents, downloaded (never shown inline). */
export function AttachmentsPanel({ order }: { order: OrderView }) {
  const user = useUser();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const q = useQuery({
    queryKey: ['order', order.id, 'attachments'],
    queryFn: () =>
      unwrap(client.GET('/api/orders/{id}/attachments', { params: { path: { id: order.id } } })).then(
        (r) => r.items,
      ),
  });
  const canUpload = mayUpload(order, user.role, user.departmentId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="attachments">
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      {q.error && <Alert type="error" showIcon message="附件加载失败" />}
      <List
        size="small"
        loading={q.isLoading}
        locale={{ emptyText: '暂无附件' }}
        dataSource={q.data ?? []}
        renderItem={(a) => (
          <List.Item
            actions={[
              <a key="dl" href={a.url} download={a.fileName} data-testid="attachment-download">
                下载
              </a>,
            ]}
          >
            <Space wrap>
              <PaperClipOutlined />
              <Typography.Text data-testid="attachment-name">{a.fileName}</Typography.Text>
              <Typography.Text type="secondary">
                {KIND_LABELS[a.kind] ?? a.kind} · {fmtSize(a.size)} ·{' '}
                {a.uploaderRole === 'citizen' ? '市民' : (ROLE_LABELS[a.uploaderRole] ?? a.uploaderRole)} ·{' '}
                {fmtTime(a.createdAt)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {canUpload && (
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > MAX_MB * 1024 * 1024) {
              setError(`附件不得超过 ${MAX_MB} MB`);
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={async ({ file, onSuccess, onError }) => {
            setError(null);
            setBusy(true);
            try {
              const a = await uploadAttachment(order.id, file as File);
              message.success(`已上传 ${a.fileName}`);
              await queryClient.invalidateQueries({ queryKey: ['order', order.id, 'attachments'] });
              onSuccess?.(a);
            } catch (err) {
              setError(err instanceof ApiError ? err.messageZh : '上传失败，请检查网络');
              onError?.(err as Error);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid="attachment-upload">
            {user.role === 'department' ? '上传答复附件' : '上传诉求材料'}
          </Button>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            图片（JPG、PNG、WebP）或 PDF，单个不超过 {MAX_MB} MB
          </Typography.Text>
        </Upload>
      )}
    </Space>
  );
}

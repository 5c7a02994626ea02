import { useRef } from 'react';
import { Button, Space, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { QueryState } from '../../components/query-state.tsx';

/** A4 page set-up added to the server's notice (its own style sets the type; this sets the sheet). */
const A4 = `<style>
@page { size: A4 portrait; margin: 25mm 20mm 20mm 25mm; }
html { background: #fff; }
@media screen { body { padding: 20mm 18mm; margin: 0 auto; box-sizing: border-box; } }
@media print { body { max-width: none !important; margin: 0 !important; padding: 0 !important; } }
</style>`;

async function fetchNotice(id: string): Promise<string> {
  const res = await fetch(`/api/contracts/rectifications/${id}/print`, { credentials: 'same-origin' });
  const text = await res.text();
  if (!res.ok) {
    let zh = '加载失败';
    try {
      zh = (JSON.parse(text) as { error?: { messageZh?: string } }).error?.messageZh ?? zh;
    } catch {
      /* not JSON: keep the generic message */
    }
    throw new ApiError(res.status, 'error', res.statusText, zh);
  }
  return text.replace('</head>', `${A4}</head>`);
}

/** 打印整改通知书 — the server's printable notice on an A4 sheet, printed from its own frame. */
export default function RectificationPrintPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const frame = useRef<HTMLIFrameElement>(null);
  const q = useQuery({
    queryKey: ['contracts', 'rectification-print', id],
    queryFn: () => fetchNotice(id!),
    enabled: Boolean(id),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="rectification-print">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            返回
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            打印整改通知书
          </Typography.Title>
        </Space>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!q.data}
          onClick={() => frame.current?.contentWindow?.print()}
          data-testid="rectification-print-button"
        >
          打印
        </Button>
      </Space>
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        <div style={{ background: '#f0f0f0', padding: 24, overflowX: 'auto' }}>
          <iframe
            ref={frame}
            title="整改通知书"
            srcDoc={q.data}
            data-testid="rectification-sheet"
            style={{
              display: 'block',
              margin: '0 auto',
              width: '210mm',
              height: '297mm',
              border: 'none',
              background: '#fff',
              boxShadow: '0 2px 12px rgba(0,0,0,0.15)',
            }}
          />
        </div>
      </QueryState>
    </Space>
  );
}

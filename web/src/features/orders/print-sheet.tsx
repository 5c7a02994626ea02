import type { ReactNode } from 'react';
import { Button, Space, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { type Answer, client, unwrap } from '../../api/client.ts';
import { QueryState } from '../../components/query-state.tsx';

export type PrintOrder = Answer<'/api/orders/{id}', 'get'>;

/**
 * A4 sheet for printing: on screen a white page of 210 × 297 mm; in print only the sheet (the console's menu,
 * header and buttons are hidden), A4 portrait with 18–22 mm margins, in a Song (body) and Hei (title) Chinese
 * font stack that Windows, macOS and Linux offices have (思源/Noto CJK, 宋体/黑体, 文泉驿). No web font is
 * shipped: the printer's system fonts are used.
 */
const PRINT_CSS = `
@page { size: A4 portrait; margin: 20mm 18mm 18mm 22mm; }
.print-sheet {
  width: 210mm; min-height: 297mm; box-sizing: border-box; padding: 20mm 18mm 18mm 22mm; margin: 0 auto;
  background: #fff; color: #000; box-shadow: 0 2px 12px rgba(0,0,0,0.15);
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", "Songti SC", "Noto Sans CJK SC",
    "WenQuanYi Micro Hei", "Microsoft YaHei", serif;
  font-size: 12pt; line-height: 1.6;
}
.print-sheet h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; letter-spacing: 2pt; font-weight: bold;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "黑体", "WenQuanYi Micro Hei", sans-serif; }
.print-sheet .sub { display: flex; justify-content: space-between; font-size: 10.5pt; margin-bottom: 3mm; }
.print-sheet table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.print-sheet th, .print-sheet td { border: 1px solid #000; padding: 2mm 2.5mm; vertical-align: top;
  word-break: break-all; white-space: pre-wrap; text-align: left; }
.print-sheet th { width: 24mm; font-weight: bold; background: #f5f5f5; }
.print-sheet .tall { height: 40mm; }
.print-sheet .sign { height: 22mm; }
.print-sheet tr, .print-sheet td { break-inside: avoid; page-break-inside: avoid; }
.print-sheet .foot { margin-top: 4mm; font-size: 9pt; color: #333; }
@media print {
  body * { visibility: hidden !important; }
  .print-sheet, .print-sheet * { visibility: visible !important; }
  .print-sheet { position: absolute; left: 0; top: 0; width: auto; min-height: 0; padding: 0; margin: 0;
    box-shadow: none; }
  .print-sheet th { background: none; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** The order for a print view, through the generated client. */
export function usePrintOrder() {
  const id = Number(useParams().id);
  return useQuery({
    queryKey: ['order', id, 'print'],
    queryFn: () => unwrap(client.GET('/api/orders/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The page around a sheet: back, title, print; the sheet itself is what the printer gets. */
export function PrintPage({
  title,
  testId,
  query,
  children,
}: {
  title: string;
  testId: string;
  query: ReturnType<typeof usePrintOrder>;
  children: (o: PrintOrder) => ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={testId}>
      <style>{PRINT_CSS}</style>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            返回
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
        </Space>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!query.data}
          onClick={() => window.print()}
          data-testid="print-button"
        >
          打印
        </Button>
      </Space>
      <QueryState loading={query.isLoading} error={query.error} onRetry={() => query.refetch()}>
        <div style={{ background: '#f0f0f0', padding: 24, overflowX: 'auto' }}>
          {query.data && (
            <div className="print-sheet" data-testid="print-sheet">
              {children(query.data)}
            </div>
          )}
        </div>
      </QueryState>
    </Space>
  );
}

/** A cell value or a dash. */
export const v = (x: string | number | null | undefined): string =>
  x === null || x === undefined || x === '' ? '—' : String(x);

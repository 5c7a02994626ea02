import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
} from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorText } from '../../components/query-state.tsx';
import {
  downloadKbExport,
  formatOfFile,
  uploadKbFile,
  type KbFileFormat,
  type KbImportResult,
} from './kb-api.ts';
import { ARTICLE_KINDS, ARTICLE_STATUS_LABELS } from './labels.ts';

/** The server gives each reason in English then Chinese in brackets; the console shows the Chinese. */
const zhReason = (r: string) =>
  /（([^）]+)）\s*$|\(([^()]*[\u4e00-\u9fff][^()]*)\)\s*$/.exec(r)?.slice(1).find(Boolean) ?? r;

function ImportCard() {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: ({ file, format }: { file: File; format: KbFileFormat }) => uploadKbFile(file, format),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['kb'] }),
    onError: (err) => setError(errorText(err)),
  });
  const result: KbImportResult | undefined = run.data;
  return (
    <Card size="small" title="导入知识" data-testid="kb-import">
      <Typography.Paragraph type="secondary">
        河南各地市通用格式：列为 类目（用“/”分隔层级）、标题、内容、发文单位、材料性质、关键字；支持 CSV 和
        XLSX，每批最多 1000
        行。标题已存在的知识会更新为新版本；导入的知识直接发布。有问题的行逐行列出原因，不影响其他行。
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".csv,.xlsx"
        multiple={false}
        showUploadList={false}
        disabled={run.isPending}
        beforeUpload={(file) => {
          setError(null);
          run.reset();
          const format = formatOfFile(file.name);
          if (!format) {
            setError('只支持 .csv 或 .xlsx 文件');
            return false;
          }
          if (file.size === 0) {
            setError('文件为空');
            return false;
          }
          setFileName(file.name);
          run.mutate({ file, format });
          return false;
        }}
        data-testid="kb-import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          {run.isPending ? `正在导入 ${fileName}…` : '点击或拖入 CSV / XLSX 文件'}
        </p>
      </Upload.Dragger>
      {error && <Alert type="error" showIcon message={`导入失败：${error}`} style={{ marginTop: 12 }} />}
      {result && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="kb-import-result">
          <Typography.Text>{fileName}</Typography.Text>
          <Row gutter={16}>
            <Col span={4}>
              <Statistic title="读取行数" value={result.read} />
            </Col>
            <Col span={5}>
              <Statistic title="新增" value={result.imported} valueStyle={{ color: '#389e0d' }} />
            </Col>
            <Col span={5}>
              <Statistic title="更新" value={result.updated} />
            </Col>
            <Col span={5}>
              <Statistic title="无变化" value={result.unchanged} />
            </Col>
            <Col span={5}>
              <Statistic
                title="拒收"
                value={result.rejected}
                valueStyle={result.rejected ? { color: '#cf1322' } : undefined}
              />
            </Col>
          </Row>
          {result.rejections.length > 0 && (
            <Table
              size="small"
              rowKey={(r) => `${r.row}-${r.reason}`}
              dataSource={result.rejections}
              pagination={result.rejections.length > 20 ? { pageSize: 20 } : false}
              columns={[
                { title: '行号', dataIndex: 'row', width: 90 },
                {
                  title: '拒收原因',
                  key: 'reason',
                  render: (_, r) => <span title={r.reason}>{zhReason(r.reason)}</span>,
                },
              ]}
              data-testid="kb-import-rejections"
            />
          )}
        </Space>
      )}
    </Card>
  );
}

function ExportCard() {
  const { message } = App.useApp();
  const [kind, setKind] = useState<string>();
  const [status, setStatus] = useState<string>('published');
  const [busy, setBusy] = useState<KbFileFormat | null>(null);
  const download = async (format: KbFileFormat) => {
    setBusy(format);
    try {
      await downloadKbExport(format, { kind, status });
    } catch (err) {
      message.error(`导出失败：${errorText(err)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title="导出知识" data-testid="kb-export">
      <Typography.Paragraph type="secondary">导出为同一格式，可在其他系统导入或留档。</Typography.Paragraph>
      <Space wrap>
        <Select
          placeholder="全部材料性质"
          allowClear
          style={{ width: 160 }}
          value={kind}
          onChange={setKind}
          options={ARTICLE_KINDS.map((k) => ({ value: k, label: k }))}
        />
        <Select
          style={{ width: 120 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(ARTICLE_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Button icon={<DownloadOutlined />} loading={busy === 'xlsx'} onClick={() => download('xlsx')}>
          导出 XLSX
        </Button>
        <Button icon={<DownloadOutlined />} loading={busy === 'csv'} onClick={() => download('csv')}>
          导出 CSV
        </Button>
      </Space>
    </Card>
  );
}

/** 知识导入导出 — for the KB editor. */
export default function KbImportPage() {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <ImportCard />
      </Col>
      <Col xs={24} xl={9}>
        <ExportCard />
      </Col>
    </Row>
  );
}

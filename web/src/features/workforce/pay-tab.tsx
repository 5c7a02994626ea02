/**
 * 加班工资与考勤 — overtime pay (Labour Law art. 44) of a published rota, each work day from the clock-in records
 * where imported and from the rota otherwise, and the import of the clock system's CSV (team lead, office).
 */
import { type ReactNode, useState } from 'react';
import { Alert, App as AntApp, Button, Card, InputNumber, Space, Table, Tag, Typography, Upload } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type Answer } from '../../api/client.ts';
import { ApiError } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { AttendanceRecords, PayDownloadButton } from './attendance-records.tsx';
import { yuan } from './planning-shared.ts';

type PayLine = Answer<'/api/workforce/rotas/{id}/pay', 'get'>['lines'][number];
const IMPORTERS = ['team_lead', 'office', 'admin'];
const SOURCE = { attendance: { label: '考勤', color: 'green' }, rota: { label: '排班', color: 'default' } };

function AttendanceImport() {
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const [problems, setProblems] = useState<{ field: string; message: string }[]>([]);
  const upload = useMutation({
    mutationFn: (csv: string) => unwrap(client.POST('/api/workforce/attendance/import', { body: { csv } })),
    onSuccess: (r) => {
      setProblems([]);
      message.success(`已导入 ${r.imported} 条考勤记录（${r.repeats} 条已存在），${r.from} 至 ${r.to}`);
      void qc.invalidateQueries({ queryKey: ['workforce', 'pay'] });
    },
    onError: (e: Error) => {
      setProblems(e instanceof ApiError ? e.fields : []);
      message.error(e instanceof ApiError ? e.messageZh : e.message);
    },
  });
  return (
    <Card size="small" title="导入考勤记录（打卡机 CSV）">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          列：agent（人员编号 member-N、用户名或姓名）, date（签到日）, clockIn,
          clockOut（HH:MM；签退早于签到为次日）。
          整个文件有任何一行有误则全部不导入；已导入的相同记录自动跳过。
        </Typography.Text>
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((csv) => upload.mutate(csv));
            return false;
          }}
        >
          <Button loading={upload.isPending} data-testid="attendance-import">
            选择 CSV 文件导入
          </Button>
        </Upload>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title="考勤文件有误，未导入"
            data-testid="attendance-problems"
            description={
              <ul style={{ margin: 0 }}>
                {problems.map((p) => (
                  <li key={`${p.field}-${p.message}`}>
                    {p.field.replace(/^line (\d+)\./, '第 $1 行 ')}：{p.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Space>
    </Card>
  );
}

export function PayTab({ rotaId, picker }: { rotaId: number | null; picker: ReactNode }) {
  const user = useUser();
  const [wageYuan, setWageYuan] = useState(4350);
  const monthlyWageFen = Math.round(wageYuan * 100);
  const rota = useQuery({
    queryKey: ['workforce', 'rota', rotaId],
    enabled: rotaId != null,
    queryFn: () => unwrap(client.GET('/api/workforce/rotas/{id}', { params: { path: { id: rotaId! } } })),
  });
  const pay = useQuery({
    queryKey: ['workforce', 'pay', rotaId, monthlyWageFen],
    enabled: rotaId != null && monthlyWageFen > 0,
    queryFn: () =>
      unwrap(
        client.GET('/api/workforce/rotas/{id}/pay', {
          params: { path: { id: rotaId! }, query: { monthlyWageFen } },
        }),
      ),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {picker}
        <InputNumber
          min={1}
          max={1_000_000}
          value={wageYuan}
          onChange={(v) => setWageYuan(v ?? 0)}
          addonBefore="月工资"
          addonAfter="元"
          aria-label="月工资"
        />
        {rotaId != null && <PayDownloadButton rotaId={rotaId} monthlyWageFen={monthlyWageFen} />}
      </Space>
      <Typography.Text type="secondary">
        小时工资 = 月工资 ÷ 21.75 ÷ 8；延长工作时间 150%，休息日 200%，法定节假日（仅法定假日，如国庆 10 月
        1–3 日）300%。每人每个工作日：有考勤记录按考勤，否则按已发布的排班表（扣除请假）。
      </Typography.Text>
      {IMPORTERS.includes(user.role) && <AttendanceImport />}
      {rotaId == null ? (
        <Typography.Text>请选择一份已发布的排班表。</Typography.Text>
      ) : (
        <QueryState loading={pay.isLoading} error={pay.error} onRetry={() => pay.refetch()}>
          <Table<PayLine>
            size="small"
            rowKey={(l) => `${l.agent}-${l.month}`}
            data-testid="pay-table"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={pay.data?.lines ?? []}
            expandable={{
              expandedRowRender: (l) => (
                <Space wrap>
                  {l.days.map((d) => (
                    <Tag key={d.date} color={SOURCE[d.source].color}>
                      {d.date.slice(5)} {SOURCE[d.source].label} {d.hours} 小时
                    </Tag>
                  ))}
                </Space>
              ),
            }}
            columns={[
              { title: '话务员', dataIndex: 'name' },
              { title: '月份', dataIndex: 'month', width: 90 },
              { title: '工作小时', dataIndex: 'hours', width: 90 },
              { title: '延长(150%)', dataIndex: 'overtime150', width: 100 },
              { title: '休息日(200%)', dataIndex: 'restDay200', width: 110 },
              { title: '法定节假日(300%)', dataIndex: 'holiday300', width: 130 },
              {
                title: '加班工资',
                key: 'fen',
                width: 120,
                align: 'right',
                render: (_, l) => yuan(l.overtimePayFen),
              },
              {
                title: '来源',
                key: 'source',
                width: 170,
                render: (_, l) => (
                  <Space size={4}>
                    <Tag color={l.attendanceDays ? 'green' : undefined}>考勤 {l.attendanceDays} 天</Tag>
                    <Tag>排班 {l.rotaDays} 天</Tag>
                  </Space>
                ),
              },
            ]}
          />
        </QueryState>
      )}
      {rotaId != null && rota.data && (
        <AttendanceRecords
          from={rota.data.from}
          weeks={rota.data.weeks}
          canEdit={IMPORTERS.includes(user.role)}
        />
      )}
    </Space>
  );
}

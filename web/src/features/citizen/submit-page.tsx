import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Radio,
  Result,
  Select,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { Link, useNavigate } from 'react-router';
import { ApiError, post } from '../../app/api.ts';
import { TYPE_LABELS, options } from '../../app/labels.ts';
import { fmtDeadline } from '../../app/format.ts';
import { applyZhServerErrors } from '../../components/zh-errors.ts';
import { PublicShell, phoneProblem, type SubmitResult } from './public-shell.tsx';

interface Values {
  type?: string;
  title?: string;
  content?: string;
  caller: { name?: string; phone?: string; anonymous: boolean; callbackWanted: boolean };
  location: { district?: string; address?: string };
}

const FIELD_LABELS: Record<string, string> = {
  type: '诉求类型',
  title: '标题',
  content: '诉求内容',
  'caller.name': '姓名',
  'caller.phone': '联系电话',
  'location.district': '所在区县',
  'location.address': '详细地址',
};

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** Photos a citizen may add (the server sniffs the bytes and limits each to 10 MB). */
const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';
const MAX_PHOTOS = 5;
const MAX_MB = 10;

/** Sends the chosen files to the new request with its number and code; the names that failed, and why. */
async function uploadPhotos(r: SubmitResult, files: UploadFile[]): Promise<string[]> {
  const failed: string[] = [];
  for (const f of files) {
    const body = new FormData();
    body.append('file', f.originFileObj as File, f.name);
    try {
      await unwrap(
        client.POST('/api/public/orders/{number}/attachments', {
          params: { path: { number: r.number }, query: { code: r.trackingCode } },
          body: body as never,
          bodySerializer: (b: unknown) => b as FormData,
        }),
      );
    } catch (err) {
      failed.push(`${f.name}（${err instanceof ApiError ? err.messageZh : '网络错误'}）`);
    }
  }
  return failed;
}

function Submitted({
  result,
  onAgain,
}: {
  result: SubmitResult & { photoFailures?: string[]; photos?: number };
  onAgain: () => void;
}) {
  const navigate = useNavigate();
  const track = `/public/track?number=${encodeURIComponent(result.number)}&code=${encodeURIComponent(result.trackingCode)}`;
  const big = {
    fontSize: 26,
    fontWeight: 600,
    letterSpacing: 2,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
  };
  return (
    <Card data-testid="citizen-submit-result">
      <Result
        status="success"
        title="提交成功"
        subTitle="您的诉求已收到，我们会尽快受理。"
        style={{ padding: '16px 0 8px' }}
      />
      {result.photos ? (
        <Alert
          type={result.photoFailures?.length ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="citizen-photos-result"
          message={
            result.photoFailures?.length
              ? `有 ${result.photoFailures.length} 个附件未能上传：${result.photoFailures.join('；')}`
              : `已上传 ${result.photos} 个附件`
          }
        />
      ) : null}
      <div style={{ display: 'grid', gap: 12, textAlign: 'center' }}>
        <div>
          <Typography.Text type="secondary">工单编号</Typography.Text>
          <div>
            <Typography.Text
              copyable={{ text: result.number }}
              style={big}
              data-testid="citizen-result-number"
            >
              {result.number}
            </Typography.Text>
          </div>
        </div>
        <div>
          <Typography.Text type="secondary">查询码</Typography.Text>
          <div>
            <Typography.Text
              copyable={{ text: result.trackingCode }}
              style={{ ...big, color: '#1f5fbf' }}
              data-testid="citizen-result-code"
            >
              {result.trackingCode}
            </Typography.Text>
          </div>
        </div>
      </div>
      <Alert
        type="warning"
        showIcon
        style={{ margin: '16px 0' }}
        message="请保存好工单编号和查询码"
        description="查询码只显示这一次，系统不保存其明文，遗失后无法找回。建议截图或抄写下来，凭二者查询办理进度和答复。"
      />
      {result.responseDueAt && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          我们将在 {fmtDeadline(result.responseDueAt)} 前受理并给予首次回应。
        </Typography.Paragraph>
      )}
      <div style={{ display: 'grid', gap: 8 }}>
        <Button
          type="primary"
          size="large"
          block
          onClick={() => navigate(track)}
          data-testid="citizen-go-track"
        >
          查询办理进度
        </Button>
        <Button size="large" block onClick={onAgain}>
          再提交一条诉求
        </Button>
      </div>
    </Card>
  );
}

/** 市民提交诉求 — no sign-in; a phone-sized form. */
export default function CitizenSubmitPage() {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<(SubmitResult & { photoFailures?: string[]; photos?: number }) | null>(
    null,
  );
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const anonymous = Form.useWatch(['caller', 'anonymous'], form);
  // 区县 from the directory (its district governments), not free text.
  const districts = useQuery({
    queryKey: ['public', 'districts'],
    queryFn: () => unwrap(client.GET('/api/public/districts')).then((r) => r.items),
    staleTime: 60 * 60_000,
  });
  const mutation = useMutation({
    mutationFn: async (body: unknown) => {
      const r = await post<SubmitResult>('/api/public/orders', body);
      const photoFailures = photos.length ? await uploadPhotos(r, photos) : [];
      return { ...r, photos: photos.length, photoFailures };
    },
    onSuccess: (r) => {
      setResult(r);
      setPhotos([]);
      window.scrollTo(0, 0);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 429)
        setError('提交过于频繁，请稍后再试，或直接拨打 12345 热线电话。');
      else setError(applyZhServerErrors(form, err, FIELD_LABELS));
    },
  });

  const submit = (v: Values) => {
    setError(null);
    mutation.mutate({
      channel: 'web',
      type: v.type,
      title: blank(v.title),
      content: v.content?.trim(),
      caller: {
        name: blank(v.caller.name),
        phone: v.caller.phone?.trim(),
        anonymous: v.caller.anonymous,
        callbackWanted: v.caller.callbackWanted,
      },
      location: { district: blank(v.location?.district), address: blank(v.location?.address) },
    });
  };

  if (result) {
    return (
      <PublicShell>
        <Submitted
          result={result}
          onAgain={() => {
            setResult(null);
            form.resetFields();
          }}
        />
      </PublicShell>
    );
  }

  return (
    <PublicShell>
      <Card title="我要反映" data-testid="citizen-submit">
        <Typography.Paragraph type="secondary">
          咨询、求助、投诉、举报、建议、表扬均可在此提交。紧急情况（火警、急救、治安）请直接拨打
          119、120、110。
        </Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            showIcon
            message={error}
            style={{ marginBottom: 16 }}
            data-testid="citizen-submit-error"
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          onFinishFailed={() => setError(null)}
          scrollToFirstError
          requiredMark
          initialValues={{ caller: { anonymous: false, callbackWanted: true }, location: {} }}
          data-testid="citizen-submit-form"
        >
          <Form.Item name="type" label="诉求类型" rules={[{ required: true, message: '请选择诉求类型' }]}>
            <Radio.Group
              options={options(TYPE_LABELS)}
              style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label="标题"
            rules={[{ max: 100, message: '标题不能超过 100 字' }]}
            extra="可不填，系统将取内容的开头作为标题"
          >
            <Input placeholder="一句话概括您的诉求" maxLength={100} />
          </Form.Item>
          <Form.Item
            name="content"
            label="诉求内容"
            rules={[
              { required: true, whitespace: true, message: '请填写诉求内容' },
              { max: 5000, message: '诉求内容不能超过 5000 字' },
            ]}
          >
            <Input.TextArea
              rows={6}
              maxLength={5000}
              showCount
              placeholder="请写明时间、地点、事情经过和您的诉求"
            />
          </Form.Item>
          <Form.Item
            name={['location', 'district']}
            label="所在区县"
            rules={[{ max: 50, message: '不能超过 50 字' }]}
          >
            <Select
              allowClear
              showSearch
              placeholder="请选择区县"
              loading={districts.isLoading}
              options={(districts.data ?? []).map((d) => ({ value: d, label: d }))}
              data-testid="citizen-district"
            />
          </Form.Item>
          <Form.Item
            label="图片或材料（可选）"
            extra={`最多 ${MAX_PHOTOS} 个，JPG、PNG、WebP 图片或 PDF，单个不超过 ${MAX_MB} MB`}
          >
            <Upload
              accept={PHOTO_ACCEPT}
              multiple
              listType="picture"
              fileList={photos}
              beforeUpload={(file) => {
                if (file.size > MAX_MB * 1024 * 1024) {
                  setError(`「${file.name}」超过 ${MAX_MB} MB，请压缩后再选`);
                  return Upload.LIST_IGNORE;
                }
                return false;
              }}
              onChange={({ fileList }) => setPhotos(fileList.slice(0, MAX_PHOTOS))}
              data-testid="citizen-photos"
            >
              <Button icon={<UploadOutlined />} disabled={photos.length >= MAX_PHOTOS}>
                选择文件
              </Button>
            </Upload>
          </Form.Item>
          <Form.Item
            name={['location', 'address']}
            label="详细地址"
            rules={[{ max: 200, message: '不能超过 200 字' }]}
          >
            <Input placeholder="街道、小区、门牌号等" maxLength={200} />
          </Form.Item>
          <Form.Item
            name={['caller', 'name']}
            label="姓名"
            rules={[{ max: 50, message: '姓名不能超过 50 字' }]}
          >
            <Input placeholder="可不填" maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name={['caller', 'phone']}
            label="联系电话"
            extra="用于办理过程中与您联系和回访"
            rules={[
              { required: true, whitespace: true, message: '请填写联系电话' },
              {
                validator: (_, v?: string) =>
                  !v?.trim() || !phoneProblem(v)
                    ? Promise.resolve()
                    : Promise.reject(new Error(phoneProblem(v)!)),
              },
            ]}
          >
            <Input placeholder="手机号或带区号的固定电话" maxLength={20} inputMode="tel" autoComplete="tel" />
          </Form.Item>
          <Form.Item name={['caller', 'anonymous']} valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox>匿名反映（不向承办单位显示我的姓名和电话）</Checkbox>
          </Form.Item>
          {anonymous && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
              热线工作人员仍可看到您的联系方式，以便核实和回访。
            </Typography.Paragraph>
          )}
          <Form.Item name={['caller', 'callbackWanted']} valuePropName="checked">
            <Checkbox>办结后接受电话回访</Checkbox>
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={mutation.isPending}
            data-testid="citizen-submit-button"
          >
            提交诉求
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          已提交过？<Link to="/public/track">凭工单编号和查询码查询办理进度</Link>
        </Typography.Paragraph>
      </Card>
    </PublicShell>
  );
}

import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiError } from '../app/api.ts';

/**
 * Downloads a generated file (signed in by the session cookie), naming it as the server does: the UTF-8
 * `filename*` of Content-Disposition first (加班工资-….xlsx), else its plain `filename`. Answers the name used.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const res = await fetch(path, { credentials: 'same-origin' });
  if (!res.ok) {
    let zh = `下载失败（HTTP ${res.status}）`;
    try {
      zh = ((await res.json()) as { error?: { messageZh?: string } }).error?.messageZh ?? zh;
    } catch {
      // not JSON: the status says enough
    }
    throw new ApiError(res.status, 'download_failed', res.statusText, zh);
  }
  const header = res.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  const name = utf8 ? decodeURIComponent(utf8) : (/filename="([^"]+)"/.exec(header)?.[1] ?? fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}

/** 导出 Excel — downloads `path` (an `…/export.xlsx` endpoint with the screen's current filters). */
export function ExportButton({
  path,
  fileName,
  label = '导出 Excel',
  size,
}: {
  path: string;
  fileName: string;
  label?: string;
  size?: 'small' | 'middle';
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      size={size}
      loading={busy}
      onClick={() => {
        setBusy(true);
        downloadFile(path, fileName)
          .catch((e) => message.error(e instanceof ApiError ? e.messageZh : '导出失败'))
          .finally(() => setBusy(false));
      }}
    >
      {label}
    </Button>
  );
}

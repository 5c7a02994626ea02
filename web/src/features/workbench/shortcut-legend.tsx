import { Card, Space, Typography } from 'antd';
import { SHORTCUTS } from './constants.ts';

/** 快捷键 — the small legend beside the form; the keys work while typing in any field. */
export function ShortcutLegend() {
  return (
    <Card size="small" title="快捷键" data-testid="shortcut-legend">
      <Space orientation="vertical" size={2}>
        {SHORTCUTS.map((s) => (
          <span key={s.id}>
            <Typography.Text keyboard>{s.keys}</Typography.Text> {s.label}
          </span>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          输入框中也可使用
        </Typography.Text>
      </Space>
    </Card>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Switch, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { get } from '../app/api.ts';
import { fmtTime } from '../app/format.ts';

interface NotificationItem {
  id: string;
  kind: string;
  label: string;
  at: string;
  orderId: number | null;
  orderNumber: string | null;
  title: string;
  link: string;
}

/** Kinds that mean new work has arrived: these ring the optional sound. */
const NEW_WORK = new Set(['dispatched', 'reopened', 'submitted', 'replied', 'return_judged', 'returned']);
const KIND_COLOURS: Record<string, string> = {
  overdue: 'red',
  deadline_warning: 'orange',
  supervised: 'volcano',
};
/** Roles whose screens may ring for new work: the agents' and the departments'. */
const SOUND_ROLES = new Set(['agent', 'team_lead', 'department']);

const seenKey = (user: string) => `hotline.notifications.seen.${user}`;
const soundKey = (user: string) => `hotline.notifications.sound.${user}`;

function readSeen(user: string): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(seenKey(user)) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

/** A short two-tone chime (Web Audio: no sound file to load). */
function chime() {
  try {
    const ctx = new AudioContext();
    [880, 660].forEach((f, i) => {
      const o = ctx.createOscillator();
      const g = ctx.createGain();
      o.frequency.value = f;
      g.gain.setValueAtTime(0.15, ctx.currentTime + i * 0.18);
      g.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.18 + 0.16);
      o.connect(g).connect(ctx.destination);
      o.start(ctx.currentTime + i * 0.18);
      o.stop(ctx.currentTime + i * 0.18 + 0.17);
    });
  } catch {
    // No audio device or the browser refuses: the badge still counts.
  }
}

/**
 * 通知中心: a bell with the count of unread notifications (new dispatches, deadlines approaching and passed,
 * returns, extension requests, supervision, notices due — per role and department, GET /api/notifications).
 * The server's event stream says when to read them again; opening the list marks them read (kept per user in
 * this browser). The agents' and departments' screens can ring for new work.
 */
export function NotificationBell({ user }: { user: { username: string; role: string } }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState(() => readSeen(user.username));
  const [sound, setSound] = useState(() => localStorage.getItem(soundKey(user.username)) === 'on');
  const q = useQuery({
    queryKey: ['notifications'],
    queryFn: () => get<{ items: NotificationItem[] }>('/api/notifications'),
    refetchInterval: 60_000,
  });
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    // Signed in by the session cookie, as every request of the console (never a token in the URL).
    const source = new EventSource('/api/notifications/stream');
    source.addEventListener('changed', () => {
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    });
    return () => source.close();
  }, [queryClient]);

  const items = useMemo(() => q.data?.items ?? [], [q.data]);
  const unread = items.filter((i) => !seen.has(i.id));
  // Ring once for new work that arrived after the first load.
  const known = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!q.data) return;
    if (known.current && sound && SOUND_ROLES.has(user.role)) {
      if (items.some((i) => !known.current!.has(i.id) && NEW_WORK.has(i.kind))) chime();
    }
    known.current = new Set(items.map((i) => i.id));
  }, [q.data, items, sound, user.role]);

  const markAllRead = () => {
    const next = new Set(items.map((i) => i.id));
    localStorage.setItem(seenKey(user.username), JSON.stringify([...next]));
    setSeen(next);
  };
  const content = (
    <div style={{ width: 360 }} data-testid="notification-list">
      {SOUND_ROLES.has(user.role) && (
        <div style={{ marginBottom: 8 }}>
          <Switch
            size="small"
            checked={sound}
            onChange={(on) => {
              setSound(on);
              localStorage.setItem(soundKey(user.username), on ? 'on' : 'off');
              if (on) chime();
            }}
          />{' '}
          <Typography.Text type="secondary">新工单提醒音</Typography.Text>
        </div>
      )}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 420, overflow: 'auto' }}
          dataSource={items}
          renderItem={(i) => (
            <List.Item
              style={{ cursor: 'pointer', background: seen.has(i.id) ? undefined : '#e6f4ff' }}
              onClick={() => {
                setOpen(false);
                markAllRead();
                navigate(i.link);
              }}
            >
              <List.Item.Meta
                title={
                  <span>
                    <Tag color={KIND_COLOURS[i.kind] ?? 'blue'}>{i.label}</Tag>
                    {i.orderNumber}
                  </span>
                }
                description={
                  <span>
                    {i.title} · {fmtTime(i.at)}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="通知"
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) markAllRead();
      }}
      content={content}
    >
      <Badge count={unread.length} size="small" overflowCount={99} data-testid="notification-count">
        <Button type="text" icon={<BellOutlined />} aria-label="通知" data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}

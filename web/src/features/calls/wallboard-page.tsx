import { useEffect, useState, type CSSProperties } from 'react';
import { Button } from 'antd';
import { FullscreenExitOutlined, FullscreenOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { client, unwrap } from '../../api/client.ts';
import { CITY_TZ } from '../../app/format.ts';
import { errorText } from '../../components/query-state.tsx';
import { numberSetting, SERVICE_SECONDS, useSettings } from './shared.ts';
import { STALE_MS, useNow, useWallboardFeed, type FeedLink } from './use-wallboard.ts';
import { LinkDot, RateTile, Tile, WB } from './wallboard-tiles.tsx';

/** 0:45, 3:07, 1:02:10 — how long the first caller in the queue has waited. */
function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

const LINK_TEXT: Record<FeedLink, [string, string]> = {
  connecting: ['正在连接…', WB.muted],
  live: ['实时', WB.ok],
  reconnecting: ['连接中断，正在重连…', WB.warn],
  polling: ['实时连接不可用，每 15 秒刷新', WB.warn],
};

/** 大屏 — what the floor needs at a glance, live from the switch's events. */
export default function WallboardPage() {
  const feed = useWallboardFeed();
  const now = useNow(1000);
  const settings = useSettings();
  const threshold = numberSetting(settings.data, 'calls.serviceLevelSeconds', SERVICE_SECONDS);
  const [full, setFull] = useState(false);
  const s = feed.snapshot;

  const outages = useQuery({
    queryKey: ['calls', 'outages'],
    queryFn: () => unwrap(client.GET('/api/calls/outages')),
    enabled: Boolean(s?.outageOngoing),
    refetchInterval: 60_000,
  });
  const ongoing = outages.data?.items.find((o) => !o.endedAt);

  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) setFull(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setFull(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  const toggleFull = () => {
    if (full) {
      setFull(false);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    } else {
      // The board covers the console either way; the browser's full screen also hides its own frame.
      setFull(true);
      void document.documentElement.requestFullscreen?.().catch(() => undefined);
    }
  };

  const stale = feed.receivedAt != null && now - feed.receivedAt > STALE_MS;
  // Figures the board can no longer vouch for are dimmed, and the longest wait stops counting on.
  const fresh = !stale && !feed.error;
  const sinceSnapshot = feed.receivedAt && fresh ? (now - feed.receivedAt) / 1000 : 0;
  const longest =
    s?.longestWaitingSeconds != null && s.waiting > 0 ? s.longestWaitingSeconds + sinceSnapshot : null;
  const longAlarm = longest != null && longest > threshold;
  const [linkText, linkColor] = feed.error
    ? ['无法获取数据，正在重试…', WB.bad]
    : stale
      ? ['数据已超过 45 秒未更新，请检查网络', WB.bad]
      : LINK_TEXT[feed.link];

  const frame: CSSProperties = full
    ? { position: 'fixed', inset: 0, zIndex: 1000, overflow: 'auto' }
    : { minHeight: 'calc(100vh - 96px)', borderRadius: 12 };

  return (
    <div
      data-testid="wallboard"
      data-link={feed.link}
      style={{
        ...frame,
        background: WB.bg,
        color: WB.text,
        padding: 'clamp(12px, min(1.6vw, 2.4vh), 36px)',
        display: 'flex',
        flexDirection: 'column',
        gap: 'clamp(10px, min(1.2vw, 1.8vh), 24px)',
        fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
      }}
    >
      <header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          flexWrap: 'wrap',
          gap: 12,
        }}
      >
        <div style={{ fontSize: 'clamp(22px, min(2.2vw, 3.3vh), 44px)', fontWeight: 700, letterSpacing: 2 }}>
          12345 热线话务大屏
        </div>
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 24,
            fontSize: 'clamp(14px, min(1.2vw, 1.8vh), 24px)',
            color: WB.muted,
          }}
        >
          <span
            style={{
              color: WB.text,
              fontSize: 'clamp(20px, min(1.9vw, 2.85vh), 38px)',
              fontVariantNumeric: 'tabular-nums',
            }}
          >
            {dayjs(now).tz(CITY_TZ).format('HH:mm:ss')}
          </span>
          <span data-testid="wallboard-link">
            <LinkDot color={linkColor}>
              {linkText}
              {feed.receivedAt && ` · 更新于 ${dayjs(feed.receivedAt).tz(CITY_TZ).format('HH:mm:ss')}`}
            </LinkDot>
          </span>
          <Button
            ghost
            icon={full ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
            onClick={toggleFull}
            data-testid="wallboard-fullscreen"
          >
            {full ? '退出全屏' : '全屏'}
          </Button>
        </div>
      </header>

      {s?.outageOngoing && (
        <div
          data-testid="wallboard-outage"
          role="alert"
          style={{
            background: '#7f1d1d',
            border: `2px solid ${WB.bad}`,
            borderRadius: 12,
            padding: 'clamp(10px, min(1vw, 1.5vh), 20px) clamp(14px, min(1.4vw, 2.1vh), 28px)',
            fontSize: 'clamp(18px, min(1.8vw, 2.7vh), 36px)',
            fontWeight: 700,
          }}
        >
          ⚠ 热线服务中断中
          {ongoing && (
            <span style={{ fontWeight: 400, marginLeft: 16 }}>
              自 {dayjs(ongoing.startedAt).tz(CITY_TZ).format('MM-DD HH:mm')} 起，已持续{' '}
              {ongoing.hours.toFixed(1)} 小时
              {ongoing.overLimit ? '（已超过合同限时）' : ''}：{ongoing.cause}
            </span>
          )}
        </div>
      )}

      {!s ? (
        <div
          style={{
            flex: 1,
            display: 'grid',
            placeItems: 'center',
            fontSize: 'clamp(18px, min(1.6vw, 2.4vh), 32px)',
            color: WB.muted,
          }}
        >
          {feed.error ? (
            <div style={{ textAlign: 'center' }} data-testid="wallboard-error">
              <div style={{ color: WB.bad, marginBottom: 16 }}>{errorText(feed.error)}</div>
              <Button icon={<ReloadOutlined />} onClick={feed.retry}>
                重试
              </Button>
            </div>
          ) : (
            '正在加载话务数据…'
          )}
        </div>
      ) : (
        <>
          <section style={grid(4, fresh)}>
            <Tile
              testId="wallboard-waiting"
              label="排队等待"
              value={s.waiting}
              unit="通"
              big
              color={s.waiting ? (longAlarm ? WB.bad : WB.warn) : WB.ok}
              alarm={longAlarm}
              sub={
                <span data-testid="wallboard-longest-wait" style={{ color: longAlarm ? WB.bad : undefined }}>
                  最长等待 {longest == null ? '—' : clock(longest)}
                  {longAlarm ? `（超过 ${threshold} 秒）` : ''}
                </span>
              }
            />
            <Tile
              testId="wallboard-talking"
              label="通话中"
              value={s.talking}
              unit="通"
              big
              color={WB.accent}
              sub={`通话坐席 ${s.agentsTalking} 人`}
            />
            <Tile
              testId="wallboard-offered"
              label="今日呼入人工"
              value={s.today.offered}
              unit="通"
              big
              sub={`放弃 ${s.today.abandoned} 通`}
            />
            <Tile
              testId="wallboard-answered"
              label="今日人工接通"
              value={s.today.answered}
              unit="通"
              big
              color={WB.ok}
            />
          </section>
          <section style={grid(3, fresh)}>
            <RateTile testId="wallboard-answer-rate" label="今日人工接通率" rate={s.today.answerRate} />
            <RateTile
              testId="wallboard-15s-rate"
              label="今日 15 秒接通率"
              rate={s.today.answeredWithin15sRate}
            />
            <Tile
              testId="wallboard-asa"
              label="今日平均应答时长"
              value={s.today.asaSeconds == null ? '—' : s.today.asaSeconds.toFixed(1)}
              unit={s.today.asaSeconds == null ? undefined : '秒'}
              color={s.today.asaSeconds != null && s.today.asaSeconds > threshold ? WB.warn : WB.text}
              sub={`接听阈值 ${threshold} 秒`}
            />
          </section>
          <section style={grid(2, fresh)}>
            <Tile
              testId="wallboard-callbacks"
              label="漏接待回拨"
              value={s.callbacksOpen}
              unit="通"
              color={s.callbacksOpen ? WB.warn : WB.ok}
              sub="未接通的来电须及时回拨"
            />
            <Tile
              testId="wallboard-callbacks-overdue"
              label="回拨已超时"
              value={s.callbacksOverdue}
              unit="通"
              color={s.callbacksOverdue ? WB.bad : WB.ok}
              alarm={s.callbacksOverdue > 0}
              sub={s.callbacksOverdue ? '请优先回拨超时来电' : '无超时'}
            />
          </section>
        </>
      )}
    </div>
  );
}

const grid = (n: number, fresh: boolean): CSSProperties => ({
  opacity: fresh ? 1 : 0.5,
  transition: 'opacity .3s',
  display: 'grid',
  gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${n >= 4 ? 220 : 300}px), 1fr))`,
  gap: 'clamp(10px, min(1.2vw, 1.8vh), 24px)',
  flex: 1,
});

import type { CSSProperties, ReactNode } from 'react';
import { ANSWER_RATE_TARGET } from './shared.ts';

/** Colours for a dark wall screen: bright enough to read across a room. */
export const WB = {
  bg: '#070d1a',
  panel: '#101a2e',
  border: '#22304d',
  text: '#f5f7fa',
  muted: '#9fb0cc',
  ok: '#4ade80',
  warn: '#fbbf24',
  bad: '#ff5c5c',
  accent: '#60a5fa',
};

export function wbRateColor(rate: number | null | undefined): string {
  if (rate == null) return WB.muted;
  if (rate >= ANSWER_RATE_TARGET) return WB.ok;
  return rate >= ANSWER_RATE_TARGET - 0.03 ? WB.warn : WB.bad;
}

const panel: CSSProperties = {
  background: WB.panel,
  border: `1px solid ${WB.border}`,
  borderRadius: 12,
  padding: 'clamp(12px, min(1.4vw, 2.1vh), 28px)',
  display: 'flex',
  flexDirection: 'column',
  justifyContent: 'space-between',
  minWidth: 0,
};

/** One big number with its label and a line under it. */
export function Tile({
  label,
  value,
  unit,
  color = WB.text,
  sub,
  testId,
  big,
  alarm,
}: {
  label: string;
  value: ReactNode;
  unit?: string;
  color?: string;
  sub?: ReactNode;
  testId?: string;
  /** The tiles the floor looks at first get bigger figures. */
  big?: boolean;
  /** A red frame when the figure needs someone to act. */
  alarm?: boolean;
}) {
  return (
    <div
      data-testid={testId}
      style={{
        ...panel,
        borderColor: alarm ? WB.bad : WB.border,
        boxShadow: alarm ? `0 0 0 2px ${WB.bad}` : undefined,
      }}
    >
      <div style={{ color: WB.muted, fontSize: 'clamp(14px, min(1.3vw, 1.95vh), 26px)', letterSpacing: 1 }}>
        {label}
      </div>
      <div
        style={{
          color,
          fontSize: big ? 'clamp(48px, min(6.2vw, 9.3vh), 132px)' : 'clamp(36px, min(4.2vw, 6.3vh), 92px)',
          fontWeight: 700,
          lineHeight: 1.1,
          fontVariantNumeric: 'tabular-nums',
          margin: '6px 0',
        }}
        data-testid={testId ? `${testId}-value` : undefined}
      >
        {value}
        {unit && (
          <span style={{ fontSize: '0.36em', marginLeft: 6, color: WB.muted, fontWeight: 400 }}>{unit}</span>
        )}
      </div>
      {/* Always a line under the figure, so the figures of a row line up. */}
      <div style={{ color: WB.muted, fontSize: 'clamp(13px, min(1.15vw, 1.72vh), 24px)' }}>
        {sub ?? '\u00a0'}
      </div>
    </div>
  );
}

/** A rate as a large percentage with a bar and the contract's target marked on it. */
export function RateTile({
  label,
  rate,
  testId,
  note,
}: {
  label: string;
  rate: number | null | undefined;
  testId: string;
  note?: ReactNode;
}) {
  const color = wbRateColor(rate);
  const width = rate == null ? 0 : Math.max(0, Math.min(1, rate)) * 100;
  const target = ANSWER_RATE_TARGET * 100;
  return (
    <div data-testid={testId} style={panel}>
      <div style={{ color: WB.muted, fontSize: 'clamp(14px, min(1.3vw, 1.95vh), 26px)', letterSpacing: 1 }}>
        {label}
      </div>
      <div
        data-testid={`${testId}-value`}
        style={{
          color,
          fontSize: 'clamp(52px, min(6.6vw, 9.9vh), 140px)',
          fontWeight: 700,
          lineHeight: 1.1,
          fontVariantNumeric: 'tabular-nums',
          margin: '6px 0 10px',
        }}
      >
        {rate == null ? '—' : (rate * 100).toFixed(1)}
        {rate != null && <span style={{ fontSize: '0.4em', marginLeft: 4 }}>%</span>}
      </div>
      <div
        style={{
          position: 'relative',
          height: 'clamp(10px, min(0.9vw, 1.35vh), 18px)',
          background: '#1e2a44',
          borderRadius: 9,
        }}
      >
        <div
          style={{
            width: `${width}%`,
            height: '100%',
            background: color,
            borderRadius: 9,
            transition: 'width .6s',
          }}
        />
        <div
          title={`目标 ${target}%`}
          style={{
            position: 'absolute',
            left: `${target}%`,
            top: -6,
            bottom: -6,
            width: 3,
            background: WB.text,
          }}
        />
      </div>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          color: WB.muted,
          fontSize: 'clamp(12px, min(1vw, 1.5vh), 20px)',
          marginTop: 8,
        }}
      >
        <span>
          {note ?? (rate == null ? '今日暂无呼入' : rate >= ANSWER_RATE_TARGET ? '达标' : '低于目标')}
        </span>
        <span>目标 ≥ {target}%</span>
      </div>
    </div>
  );
}

/** The connection state as a coloured dot and words. */
export function LinkDot({ color, children }: { color: string; children: ReactNode }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <span style={{ width: 12, height: 12, borderRadius: 6, background: color, display: 'inline-block' }} />
      {children}
    </span>
  );
}

/**
 * How far the demo city's first-start generation is (示例数据生成中), for GET /api/health and the console's
 * banner. Steps carry weights roughly proportional to their time on the embedded database, so the percentage
 * moves evenly.
 */

export const DEMO_STEPS = {
  city: 4,
  contract: 1,
  orders: 55,
  model: 6,
  calls: 20,
  operations: 10,
  hotTopics: 4,
} as const;
export type DemoStep = keyof typeof DEMO_STEPS;

export type DemoState = 'seeding' | 'ready' | 'failed';

export interface DemoStatus {
  state: DemoState;
  /** 0–100, whole numbers; 100 only when ready. */
  percent: number;
  /** The step being written (English key), null when finished. */
  step: DemoStep | null;
}

const TOTAL = Object.values(DEMO_STEPS).reduce((a, b) => a + b, 0);
const ORDER = Object.keys(DEMO_STEPS) as DemoStep[];

export class DemoProgress {
  private current: DemoStep | null = 'city';
  private fraction = 0;
  private state: DemoState = 'seeding';

  /** The step now being written and how much of it is done (0–1). */
  at(step: DemoStep, fraction = 0): void {
    this.current = step;
    this.fraction = Math.min(1, Math.max(0, fraction));
  }

  done(): void {
    this.state = 'ready';
    this.current = null;
  }

  failed(): void {
    this.state = 'failed';
  }

  status(): DemoStatus {
    if (this.state === 'ready') return { state: 'ready', percent: 100, step: null };
    const i = this.current ? ORDER.indexOf(this.current) : 0;
    const before = ORDER.slice(0, i).reduce((a, s) => a + DEMO_STEPS[s], 0);
    const within = this.current ? DEMO_STEPS[this.current] * this.fraction : 0;
    return {
      state: this.state,
      percent: Math.min(99, Math.floor(((before + within) / TOTAL) * 100)),
      step: this.current,
    };
  }
}

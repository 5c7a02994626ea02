/**
 * A discrete-event simulation of the 12345 agent queue: callers arrive (a non-homogeneous Poisson process from
 * traffic.ts), wait in one FCFS queue with limited patience, and are answered by the agents the roster puts on the
 * phones. The answer rate, the waits and the abandonment are what the queue makes of it (an M_t/G/N_t+G queue, the
 * time-varying cousin of the Erlang-A model); nothing about them is drawn directly.
 *
 * Rules: a free agent takes the longest-waiting caller; a caller reaching several free agents goes to the one idle
 * longest; an agent finishing a call does after-call work before the next; an agent whose shift or break begins
 * finishes the call in hand first; a caller leaves at the end of their patience (`caller_hangup`) or when the
 * switch's queue timeout strikes first (`timeout`); some who left call again.
 *
 * It yields lazily, in the order things become final: a call when it ends or is abandoned, the order it produced
 * right after it, an online order when it is submitted. Memory holds only the calls in the system, so a year
 * streams through. Calls offered before `to` are followed to their end; nothing new arrives from `to` on.
 */
import { createChinaCalendar, type ChinaCalendar } from '../../calendar/china-calendar.ts';
import { loadBuiltinCalendar } from '../../calendar/builtin.ts';
import { createStream } from './distributions.ts';
import { createEventHeap, popEvent, pushEvent, type PoppedEvent } from './event-heap.ts';
import {
  abandonedRecord,
  answeredRecord,
  createCallContext,
  createLiveCall,
  drawOnlineOrder,
  drawRedialDelay,
  hearCall,
  phoneOrderOf,
  type LiveCall,
  type SimulatedItem,
} from './outcomes.ts';
import { resolveParameters, type SimulatorParameterOverrides } from './parameters.ts';
import { createDefaultRoster, type Roster } from './roster.ts';
import {
  callRateAt,
  createDayPlanner,
  nextArrivalAfter,
  STREAM,
  surgeShareAt,
  type DayPlan,
} from './traffic.ts';

export type { SimulatedChannel, SimulatedItem, SimulatedOrder } from './outcomes.ts';

export interface SimulateOptions {
  /** The period, [from, to), in any instant (the city's days are Asia/Shanghai). */
  from: Date;
  to: Date;
  /** Headcount for the default roster (default 45, the Luohe contract). Ignored when `roster` is given. */
  agents?: number;
  seed?: number;
  parameters?: SimulatorParameterOverrides;
  roster?: Roster;
  calendar?: ChinaCalendar;
  /** How often the roster is consulted; agents join and leave on these ticks. */
  rosterStepMinutes?: number;
}

const EVENT = { arrival: 0, redial: 1, giveUp: 2, serviceEnd: 3, wrapEnd: 4, roster: 5, online: 6 } as const;
const IDLE = 0;
const TALKING = 1;
const WRAPPING = 2;

interface PendingRedial {
  number: string;
  root: number;
  redials: number;
}

const onlineRateAt = (d: DayPlan, t: number) =>
  d.onlineRates[Math.min(23, Math.floor((t - d.start) / 3_600_000))]!;

export function* simulateCalls(options: SimulateOptions): Generator<SimulatedItem, void, undefined> {
  const p = resolveParameters(options.parameters);
  const seed = options.seed ?? 1;
  const calendar = options.calendar ?? createChinaCalendar(loadBuiltinCalendar());
  const roster = options.roster ?? createDefaultRoster({ agents: options.agents, calendar, seed });
  const from = options.from.getTime();
  const to = options.to.getTime();
  const step = (options.rosterStepMinutes ?? 15) * 60_000;
  const planner = createDayPlanner(p, calendar, seed);
  const ctx = createCallContext(p, seed);
  const arrivals = createStream(seed, STREAM.arrivals);
  const onlineArrivals = createStream(seed, STREAM.online);

  const heap = createEventHeap();
  const ev: PoppedEvent = { time: 0, kind: 0, ref: 0 };
  const live = new Map<number, LiveCall>();
  const redials = new Map<number, PendingRedial>();
  let redialSeq = 0;
  let offered = 0;
  let freshArrivals = 0;
  let onlineCount = 0;

  // Agents by index; `free` holds the idle ones on the phones, longest idle first.
  const agentIds: string[] = [];
  const agentIndex = new Map<string, number>();
  const onDuty: boolean[] = [];
  const agentState: number[] = [];
  const current: (LiveCall | null)[] = [];
  let free: number[] = [];
  // The FCFS queue; calls that gave up stay in it, marked not waiting, until they reach the head.
  let queue: LiveCall[] = [];
  let head = 0;

  function agentOf(id: string): number {
    let i = agentIndex.get(id);
    if (i === undefined) {
      i = agentIds.push(id) - 1;
      agentIndex.set(id, i);
      onDuty.push(false);
      agentState.push(IDLE);
      current.push(null);
    }
    return i;
  }

  function nextWaiting(): LiveCall | undefined {
    while (head < queue.length && !queue[head]!.waiting) head++;
    if (head > 4096) {
      queue = queue.slice(head);
      head = 0;
    }
    return queue[head];
  }

  function dispatch(t: number): void {
    while (free.length > 0) {
      const call = nextWaiting();
      if (!call) return;
      head++;
      const agent = free.shift()!;
      call.waiting = false;
      call.answeredAt = t + call.pickUpMs;
      agentState[agent] = TALKING;
      current[agent] = call;
      pushEvent(heap, call.answeredAt + hearCall(ctx, call), EVENT.serviceEnd, agent);
    }
  }

  function offer(t: number, number: string | null, root: number, redialCount: number): void {
    const surge = surgeShareAt(planner.planAt(t), t);
    const call = createLiveCall(ctx, {
      n: ++offered,
      t,
      number,
      root,
      redials: redialCount,
      surge: surge && { categories: surge.surge.categories, share: surge.share },
    });
    live.set(call.n, call);
    queue.push(call);
    pushEvent(heap, call.giveUpAt, EVENT.giveUp, call.n);
    dispatch(t);
  }

  function applyRoster(t: number): void {
    const on = new Set(roster(new Date(t)).map(agentOf));
    for (let a = 0; a < agentIds.length; a++) {
      const now = on.has(a);
      if (now && !onDuty[a]) {
        onDuty[a] = true;
        if (agentState[a] === IDLE) free.push(a);
      } else if (!now && onDuty[a]) {
        // Leaving for a break or the end of the shift: a call in hand is finished first (no new one is taken).
        onDuty[a] = false;
        free = free.filter((x) => x !== a);
      }
    }
    dispatch(t);
  }

  function scheduleArrival(after: number): void {
    const t = nextArrivalAfter(after, to, arrivals, planner, callRateAt, (d) => d.maxCallRate);
    if (t < to) pushEvent(heap, t, EVENT.arrival, 0);
  }

  function scheduleOnline(after: number): void {
    const t = nextArrivalAfter(after, to, onlineArrivals, planner, onlineRateAt, (d) => d.maxOnlineRate);
    if (t < to) pushEvent(heap, t, EVENT.online, 0);
  }

  pushEvent(heap, from, EVENT.roster, 0);
  scheduleArrival(from);
  scheduleOnline(from);

  while (popEvent(heap, ev)) {
    const t = ev.time;
    switch (ev.kind) {
      case EVENT.roster: {
        applyRoster(t);
        const next = Math.floor(t / step) * step + step;
        if (next < to || live.size > 0) pushEvent(heap, next, EVENT.roster, 0);
        break;
      }
      case EVENT.arrival: {
        const root = ++freshArrivals;
        offer(t, null, root, 0);
        scheduleArrival(t);
        break;
      }
      case EVENT.redial: {
        const r = redials.get(ev.ref)!;
        redials.delete(ev.ref);
        offer(t, r.number, r.root, r.redials);
        break;
      }
      case EVENT.giveUp: {
        const call = live.get(ev.ref);
        if (!call || !call.waiting) break; // answered before its patience ran out
        call.waiting = false;
        live.delete(call.n);
        yield { kind: 'call', record: abandonedRecord(ctx, call, t) };
        const delay = drawRedialDelay(ctx, call);
        if (delay !== null && t + delay < to) {
          redials.set(++redialSeq, { number: call.number, root: call.root, redials: call.redials + 1 });
          pushEvent(heap, t + delay, EVENT.redial, redialSeq);
        }
        break;
      }
      case EVENT.serviceEnd: {
        const agent = ev.ref;
        const call = current[agent]!;
        current[agent] = null;
        agentState[agent] = WRAPPING;
        live.delete(call.n);
        const record = answeredRecord(ctx, call, agentIds[agent]!, t);
        yield { kind: 'call', record };
        const order = phoneOrderOf(ctx, call, record);
        if (order) yield { kind: 'order', order };
        pushEvent(heap, t + call.wrapMs, EVENT.wrapEnd, agent);
        break;
      }
      case EVENT.wrapEnd: {
        const agent = ev.ref;
        agentState[agent] = IDLE;
        if (onDuty[agent]) {
          free.push(agent);
          dispatch(t);
        }
        break;
      }
      case EVENT.online: {
        yield { kind: 'order', order: drawOnlineOrder(ctx, ++onlineCount, t) };
        scheduleOnline(t);
        break;
      }
    }
  }
}

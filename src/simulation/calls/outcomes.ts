/**
 * One call's own story, apart from the queue: the caller's patience, what they turn out to ask, how long the agent
 * talks and writes, the rating they press, whether they call again; and the records the simulator yields for it.
 * Everything here is drawn from the call's own random stream, so the same caller behaves the same way whatever
 * the staffing (see distributions.ts).
 */
import type { DemoRequestType } from '../../demo/city-data.ts';
import type { Random } from '../../platform/random.ts';
import type { CallRecord } from '../../modules/calls/index.ts';
import {
  createStream,
  cumulativeOf,
  drawExponential,
  drawLognormal,
  drawUniform,
  drawWeibull,
  pickIndex,
} from './distributions.ts';
import type { SimulatorParameters } from './parameters.ts';
import {
  callerNameOf,
  createCallerBook,
  createRequestCatalogue,
  drawCallerNumber,
  drawFreshNumber,
  type CallerBook,
  type RequestCatalogue,
  type RequestDraft,
} from './requests.ts';
import { cityDateOf, STREAM } from './traffic.ts';

export type SimulatedChannel = 'phone' | 'web' | 'app' | 'wechat';

/** A work order as the agent (or the online form) registers it, before the platform numbers it. */
export interface SimulatedOrder {
  /** Registration time: the end of the call, or the moment of an online submission. */
  at: Date;
  /** The call it came from; null for an online submission. */
  callId: string | null;
  channel: SimulatedChannel;
  type: DemoRequestType;
  /** A leaf code of the demo catalogue (DEMO_CATEGORIES). */
  categoryCode: string;
  title: string;
  content: string;
  district: string;
  callerName: string;
  callerPhone: string;
  /** 直接办结 — an inquiry the agent answered from the knowledge base and closed at once. */
  closedDirectly: boolean;
}

export type SimulatedItem = { kind: 'call'; record: CallRecord } | { kind: 'order'; order: SimulatedOrder };

/** What stays the same for every call of a run. */
export interface CallContext {
  p: SimulatorParameters;
  seed: number;
  catalogue: RequestCatalogue;
  book: CallerBook;
  ratings: Float64Array;
  ratingsAfterLongWait: Float64Array;
  channels: SimulatedChannel[];
  channelCumulative: Float64Array;
}

export function createCallContext(p: SimulatorParameters, seed: number): CallContext {
  const channels = Object.keys(p.online.channelWeights) as (keyof typeof p.online.channelWeights)[];
  return {
    p,
    seed,
    catalogue: createRequestCatalogue(p.orders),
    book: createCallerBook(),
    ratings: cumulativeOf(p.rating.weights),
    ratingsAfterLongWait: cumulativeOf(p.rating.longWaitWeights),
    channels,
    channelCumulative: cumulativeOf(channels.map((c) => p.online.channelWeights[c])),
  };
}

/** A call in the system: waiting, or with an agent. Times in epoch milliseconds. */
export interface LiveCall {
  /** Serial in the order calls were offered: the `n` of `sim-<seed>-<n>`. */
  n: number;
  rnd: Random;
  number: string;
  /** The first call of a chain of redials, and how many redials came before this one. */
  root: number;
  redials: number;
  offeredAt: number;
  giveUpAt: number;
  timesOut: boolean;
  pickUpMs: number;
  surgeCategories: readonly string[] | null;
  waiting: boolean;
  answeredAt: number;
  request: RequestDraft | null;
  closedDirectly: boolean;
  rating: number | null;
  wrapMs: number;
}

export interface NewCall {
  n: number;
  t: number;
  /** Known for a redial; drawn (perhaps a repeat caller) for a fresh call. */
  number: string | null;
  root: number;
  redials: number;
  /** The surge the arrival may belong to, with the share of arrivals it added. */
  surge: { categories: readonly string[]; share: number } | null;
}

export function createLiveCall(ctx: CallContext, c: NewCall): LiveCall {
  const { p } = ctx;
  const rnd =
    c.redials === 0
      ? createStream(ctx.seed, STREAM.call, c.root)
      : createStream(ctx.seed, STREAM.redial, c.root, c.redials);
  const number = c.number ?? drawCallerNumber(ctx.book, rnd, p.callers);
  const patience = drawWeibull(rnd, p.patience.meanSeconds, p.patience.weibullShape);
  return {
    n: c.n,
    rnd,
    number,
    root: c.root,
    redials: c.redials,
    offeredAt: c.t,
    giveUpAt: c.t + Math.min(patience, p.patience.queueTimeoutSeconds) * 1000,
    timesOut: patience >= p.patience.queueTimeoutSeconds,
    pickUpMs: drawUniform(rnd, p.service.pickUpSeconds[0], p.service.pickUpSeconds[1]) * 1000,
    surgeCategories: c.surge && rnd.chance(c.surge.share) ? c.surge.categories : null,
    waiting: true,
    answeredAt: 0,
    request: null,
    closedDirectly: false,
    rating: null,
    wrapMs: 0,
  };
}

type Outcome = 'dispatched' | 'closedDirectly' | 'noOrder';

/** What the answered call turns out to be (request, after-call work, rating); returns the talk time in ms. */
export function hearCall(ctx: CallContext, call: LiveCall): number {
  const { p } = ctx;
  const rnd = call.rnd;
  let outcome: Outcome = 'noOrder';
  if (rnd.chance(p.orders.shareOfAnsweredCalls)) {
    call.request = ctx.catalogue.drawRequest(rnd, cityDateOf(call.answeredAt), call.surgeCategories);
    call.closedDirectly = call.request.type === 'inquiry' && rnd.chance(p.orders.inquiryClosedDirectly);
    outcome = call.closedDirectly ? 'closedDirectly' : 'dispatched';
  }
  const s = p.service;
  const talk = Math.max(
    s.talkMinSeconds,
    drawLognormal(rnd, s.talkMeanSeconds * s.talkFactors[outcome], s.talkSigma),
  );
  call.wrapMs = drawLognormal(rnd, s.afterCallMeanSeconds[outcome], s.afterCallSigma) * 1000;
  if (rnd.chance(p.rating.probability)) {
    const longWait = call.answeredAt - call.offeredAt > p.rating.longWaitSeconds * 1000;
    call.rating = 1 + pickIndex(rnd, longWait ? ctx.ratingsAfterLongWait : ctx.ratings);
  }
  return talk * 1000;
}

const at = (ms: number) => new Date(Math.round(ms));

export function answeredRecord(
  ctx: CallContext,
  call: LiveCall,
  agentId: string,
  endedAt: number,
): CallRecord {
  return {
    callId: `sim-${ctx.seed}-${call.n}`,
    source: 'simulator',
    callerNumber: call.number,
    queue: '12345',
    offeredAt: at(call.offeredAt),
    answeredAt: at(call.answeredAt),
    agent: agentId,
    endedAt: at(endedAt),
    abandonedAt: null,
    abandonReason: null,
    ivrRating: call.rating,
    orderNumbers: [],
  };
}

/** The caller left the queue; the call ends there. */
export function abandonedRecord(ctx: CallContext, call: LiveCall, abandonedAt: number): CallRecord {
  return {
    callId: `sim-${ctx.seed}-${call.n}`,
    source: 'simulator',
    callerNumber: call.number,
    queue: '12345',
    offeredAt: at(call.offeredAt),
    answeredAt: null,
    agent: null,
    endedAt: at(abandonedAt),
    abandonedAt: at(abandonedAt),
    abandonReason: call.timesOut ? 'timeout' : 'caller_hangup',
    ivrRating: null,
    orderNumbers: [],
  };
}

export function phoneOrderOf(ctx: CallContext, call: LiveCall, record: CallRecord): SimulatedOrder | null {
  if (!call.request || !record.endedAt) return null;
  return {
    at: record.endedAt,
    callId: record.callId,
    channel: 'phone',
    ...call.request,
    callerName: callerNameOf(call.number, ctx.seed),
    callerPhone: call.number,
    closedDirectly: call.closedDirectly,
  };
}

/** Milliseconds until the caller who just gave up tries again, or null if they do not. */
export function drawRedialDelay(ctx: CallContext, call: LiveCall): number | null {
  const r = ctx.p.redial;
  if (!call.rnd.chance(r.probability)) return null;
  return Math.max(r.minDelaySeconds, drawExponential(call.rnd, r.meanDelaySeconds)) * 1000;
}

/** The `n`-th online submission, at `t`: no call, a fresh number, the same request mix as the phone. */
export function drawOnlineOrder(ctx: CallContext, n: number, t: number): SimulatedOrder {
  const rnd = createStream(ctx.seed, STREAM.onlineOrder, n);
  const request = ctx.catalogue.drawRequest(rnd, cityDateOf(t), null);
  const phone = drawFreshNumber(rnd, ctx.p.callers);
  return {
    at: at(t),
    callId: null,
    channel: ctx.channels[pickIndex(rnd, ctx.channelCumulative)]!,
    ...request,
    callerName: callerNameOf(phone, ctx.seed),
    callerPhone: phone,
    closedDirectly: request.type === 'inquiry' && rnd.chance(ctx.p.orders.inquiryClosedDirectly),
  };
}

/**
 * Every parameter of the traffic simulator, with its default and where the default comes from. Sources are cited
 * by key; docs/calls-simulator.md lists them with their addresses. "Assumption" marks a value no published figure
 * was found for, with the reason it is plausible.
 *
 * [GBT33358] GB/T 33358-2016 政府热线服务规范: 7×24, answer within 15 s, 24-h answer rate ≥ 95 %, no IVR menu.
 * [LH] the Luohe contract: 45 agents (art. 6.5), answer rate ≥ 96 % (art. 11 KPI 1), satisfaction ≥ 90 % (KPI 7).
 * [CENSUS] Luohe, 7th census: 2,367,490 residents. [NATL] 4.2亿 calls to 12345 nation-wide in Jan–Oct 2025.
 * [BJ2021] Beijing 12345 annual report 2021: network channels 10.86 % of intake, WeChat 78.48 % of them.
 * [PDS] Pingdingshan weekly report: 12,280 calls answered in a week. [HD] Hengdong county Q1 2025: 20,693 calls,
 * 11,171 orders, 6,273 closed on the line. [XX] Xinxiang 2018–20: 660k calls, 530k orders. [TS] Tangshan
 * Nov 2024: type mix, 直接办结率 85.86 %. [PROV] a provincial July 2024 analysis: +17.42 % month on month, city-level
 * type mix. [WK] a city's weekly report 2024-W28: 直办 52.7 %, type mix. [ZZ] Zhengzhou 市长电话 2012-11-17/23: 水电气暖
 * 12.8 % of all, mostly heating. [HEAT] heating-start surges (12319/12345 "10 times a normal day"; Beijing 96069
 * answered 4,121 of 7,046 calls). [PEAK] "高峰时段 上午10-11点和下午2-3点", "高峰期…上午9-11点", "每天上午是热线来电
 * 的高峰期…平均5分钟左右". [XY] Xinyu: 2–4 min of agent time per request. [BROWN] Brown et al. 2005, JASA:
 * inhomogeneous Poisson arrivals, lognormal service times, patience. [LOGN] Gualandi & Toscani 2018: service
 * times are lognormal. [GP] Brown–Zhao–Shen–Mandelbaum: Gamma-Poisson (over-dispersed) daily volumes. [ERLA]
 * Mandelbaum & Zeltyn, The Palm/Erlang-A queue (2 min average patience in their examples). [SHRINK] call-centre shrinkage 30–35 % in total; sickness 4–8 %. [LEAVE] 职工带薪年休假条例: 5 days
 * a year. [ONEEVAL] 话务服务"一次一评" (a rating after every call). [KB] direct answers: Guangzhou ≥ 96 % of
 * inquiries, a city line 40–70 %. [SAT] satisfaction 83.8–96.1 % in published reports. [SURGE] epidemic: daily
 * requests above 3 times the normal.
 */
import type { DemoRequestType } from '../../demo/city-data.ts';

/** Shares by hour of the day 0…23 (any scale: they are normalised). */
export type HourlyShares = readonly number[];

/** A multi-hour burst (突发事件): a storm, an outage, a policy announcement. */
export interface SurgeKind {
  name: string;
  /** Relative frequency among surges. */
  weight: number;
  /** Months (1–12) in which it can happen. */
  months: readonly number[];
  /** Local hour range in which it starts, [from, to). */
  startHours: readonly [number, number];
  durationHours: readonly [number, number];
  /** The arrival rate is multiplied by a value drawn in this range while the burst lasts. */
  multiplier: readonly [number, number];
  /** Leaf categories of the extra calls the burst brings. */
  categories: readonly string[];
}

/** A seasonal factor on the weight of some leaf categories between two dates 'MM-DD' (inclusive, may wrap). */
export interface SeasonalRule {
  categories: readonly string[];
  from: string;
  to: string;
  factor: number;
}

export interface SimulatorParameters {
  traffic: {
    /** Calls offered to the agent queue on an ordinary working day (factor 1) of an ordinary month. */
    baseDailyCalls: number;
    hourlyShares: { workday: HourlyShares; restDay: HourlyShares };
    /** Sunday … Saturday. */
    weekdayFactors: readonly number[];
    /** January … December. */
    monthFactors: readonly number[];
    /** By holiday name as the calendar gives it (春节, 国庆节 …); `default` for the others. */
    holidayFactors: Readonly<Record<string, number>>;
    /** 调休: a weekend day made a working day. */
    adjustedWorkdayFactor: number;
    /** Factors of the 1st, 2nd … working day after a rest block of at least `longBreakDays` days with a holiday. */
    afterLongBreakFactors: readonly number[];
    longBreakDays: number;
    /** Log-scale standard deviation of a day's level around its expected value. */
    dailyNoiseSigma: number;
  };
  surges: { perYear: number; kinds: readonly SurgeKind[] };
  service: {
    /** Mean talk time of an answered call whose outcome factor is 1, seconds; lognormal. */
    talkMeanSeconds: number;
    talkSigma: number;
    talkMinSeconds: number;
    /** Talk time factor by what the call turns out to be. */
    talkFactors: { dispatched: number; closedDirectly: number; noOrder: number };
    /** Mean after-call work (话后处理) by outcome, seconds; lognormal with `afterCallSigma`. */
    afterCallMeanSeconds: { dispatched: number; closedDirectly: number; noOrder: number };
    afterCallSigma: number;
    /** From the call reaching a free agent to the agent picking up, seconds, uniform. */
    pickUpSeconds: readonly [number, number];
  };
  patience: {
    /** Mean time a caller waits in the queue before hanging up, seconds; Weibull. */
    meanSeconds: number;
    weibullShape: number;
    /** The switch takes a caller out of the queue after this long (EXITWITHTIMEOUT). */
    queueTimeoutSeconds: number;
  };
  redial: { probability: number; meanDelaySeconds: number; minDelaySeconds: number };
  callers: { repeatShare: number; recentPoolSize: number; landlineShare: number; areaCode: string };
  rating: {
    /** Share of answered calls whose caller presses a key in the post-call survey. */
    probability: number;
    /** Weights of ratings 1 … 5. */
    weights: readonly number[];
    /** Weights of ratings 1 … 5 after a wait longer than `longWaitSeconds`. */
    longWaitWeights: readonly number[];
    longWaitSeconds: number;
  };
  orders: {
    /** Share of answered calls that are registered as a work order. */
    shareOfAnsweredCalls: number;
    typeWeights: Readonly<Partial<Record<DemoRequestType, number>>>;
    /** Share of inquiries the agent answers from the knowledge base and closes at once (直接办结). */
    inquiryClosedDirectly: number;
    /** Weight of every leaf under a top-level category code; 1 when not listed. */
    topCategoryWeights: Readonly<Record<string, number>>;
    seasonal: readonly SeasonalRule[];
    districtWeights: Readonly<Record<string, number>>;
  };
  online: {
    /** Orders submitted on the web, the app and WeChat per ordinary day, without a call. */
    perDay: number;
    channelWeights: Readonly<Record<'web' | 'app' | 'wechat', number>>;
    hourlyShares: HourlyShares;
  };
}

export const DEFAULT_SIMULATOR_PARAMETERS: SimulatorParameters = {
  traffic: {
    // Per head: [NATL] ÷ 1.4 billion ≈ 0.36 calls a year → [CENSUS] ≈ 2,340 a day; Beijing's 13.2 M phone intakes
    // for 21.9 M people [BJ2021] would give ≈ 3,900; Henan cities report fewer ([PDS] ≈ 850 a day at Luohe's size).
    // 1,800 on a plain weekday (≈ 1,750 a day over a year, with redials) is what 45 agents at ≈ 4.6 min a call
    // carry at about the contract's 96 % [LH]: docs/calls-simulator.md, "Volume against headcount".
    baseDailyCalls: 1_800,
    hourlyShares: {
      // [PEAK]: a morning peak 9–11, a lunch dip, an afternoon peak 14–17, a thin night. Assumption for the exact
      // shares; the night (0–6 h) gets ≈ 3 % of a day, which matches a 7×24 line with 3 agents at night.
      workday: [
        0.9, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 3.0, 6.5, 8.8, 9.2, 8.0, 5.2, 5.8, 7.8, 8.3, 7.8, 6.2, 4.2, 3.6,
        3.2, 2.8, 2.0, 1.4,
      ],
      // Assumption: on rest days people call later and more evenly, as their day is their own.
      restDay: [
        1.0, 0.7, 0.5, 0.4, 0.4, 0.5, 1.0, 2.2, 4.8, 7.4, 8.4, 8.0, 6.0, 6.0, 7.0, 7.2, 7.0, 6.0, 5.0, 4.6,
        4.2, 3.6, 2.6, 1.7,
      ],
    },
    // Assumption (call-centre practice): Monday carries the weekend's backlog; weekends are lower. Weekend levels
    // around three quarters of a weekday: a 12345 line is also a channel for private matters people raise on
    // their day off, unlike an office line.
    weekdayFactors: [0.72, 1.18, 1.06, 1.0, 0.99, 0.96, 0.78],
    // [PROV] July +17 % on June (summer: heat, power, water, rain, school admissions); [ZZ] November (heating).
    // February lower (Spring Festival). Assumption for the other months: near 1.
    monthFactors: [0.96, 0.9, 1.0, 0.97, 0.98, 1.03, 1.12, 1.08, 1.02, 0.94, 1.06, 1.02],
    // Assumption: a statutory holiday is quieter than a weekend (offices shut, no follow-ups), Spring Festival most.
    holidayFactors: { default: 0.62, 春节: 0.5, 国庆节: 0.58 },
    adjustedWorkdayFactor: 0.95,
    // Assumption: matters held over a long holiday arrive on its first working days.
    afterLongBreakFactors: [1.35, 1.15],
    longBreakDays: 3,
    // [GP]: daily volumes vary more than a Poisson count would; ±7 % (one sd) day to day. Assumption for the size.
    dailyNoiseSigma: 0.07,
  },
  surges: {
    // Assumption: a handful of days a year the line is flooded ([SURGE] three times normal; [HEAT] far more at a
    // heating start, which the seasonal rules below carry). Five bursts a year, multi-hour, ×1.6–3.
    perYear: 5,
    // prettier-ignore
    kinds: [
      { name: 'storm', weight: 2, months: [6, 7, 8, 9], startHours: [13, 21], durationHours: [3, 8], multiplier: [2, 3], categories: ['SL.FXPL', 'CSGL.PSGW', 'GYSY.TD', 'GYSY.TS', 'CSGL.SZDL'] },
      { name: 'outage', weight: 2, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], startHours: [8, 20], durationHours: [2, 6], multiplier: [1.6, 2.5], categories: ['GYSY.TS', 'GYSY.TD', 'GYSY.RQ'] },
      { name: 'policy', weight: 1, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], startHours: [9, 11], durationHours: [4, 8], multiplier: [1.5, 2.2], categories: ['YLWS.YBCB', 'LDSB.YLJ', 'LDSB.SBJN', 'MZ.GLJT'] },
    ],
  },
  service: {
    // [BROWN], [LOGN]: call-centre service times are lognormal. [PEAK] ≈ 5 min per request
    // including registration; [XY] 2–4 min for simple ones. Outcome factors (assumption): a dispatched order needs
    // the address and the details written down; a call that registers nothing (a progress query, a wrong number,
    // a silent line) is short. With the default mix the mean talk time of answered calls is ≈ 4 min.
    talkMeanSeconds: 255,
    talkSigma: 0.7,
    talkMinSeconds: 8,
    talkFactors: { dispatched: 1.2, closedDirectly: 0.9, noOrder: 0.5 },
    // Assumption: the agent writes most of the order while listening (边听边录); finishing a dispatched order
    // takes about a minute more.
    afterCallMeanSeconds: { dispatched: 60, closedDirectly: 25, noOrder: 10 },
    afterCallSigma: 0.5,
    // [GBT33358] asks for an answer within 15 s; an agent picks up a few seconds after the alert (assumption).
    pickUpSeconds: [2, 7],
  },
  patience: {
    // [ERLA]: Erlang-A assumes exponential patience and its examples use a 2-minute mean; [BROWN] finds the
    // hazard highest early on. A Weibull with shape 0.9 (a slightly falling hazard) and a 2-minute mean. Assumption
    // within the 1–2 minutes the literature's examples span.
    meanSeconds: 120,
    weibullShape: 0.9,
    // Assumption: Asterisk's queue `timeout` set to 3 minutes (then EXITWITHTIMEOUT, recorded as `timeout`).
    queueTimeoutSeconds: 180,
  },
  // Assumption: a third of those who hang up try again a few minutes later ([ERLA] calls them retrials).
  redial: { probability: 0.35, meanDelaySeconds: 240, minDelaySeconds: 20 },
  // Assumption: one call in eight is from a recent caller (a follow-up, a repeat complaint); a few from fixed
  // lines with Luohe's area code 0395.
  callers: { repeatShare: 0.12, recentPoolSize: 3_000, landlineShare: 0.06, areaCode: '0395' },
  rating: {
    // [ONEEVAL]: the survey is offered after every call; assumption that about half the callers press a key.
    probability: 0.5,
    // [SAT], [LH] KPI 7 ≥ 90 %: 4–5 counted satisfied gives ≈ 94 %. Assumption for the split.
    weights: [0.025, 0.01, 0.025, 0.06, 0.88],
    // Assumption: a long wait costs some satisfaction.
    longWaitWeights: [0.06, 0.03, 0.06, 0.1, 0.75],
    longWaitSeconds: 60,
  },
  orders: {
    // [XX] 80 % of calls became orders; [HD] 54 %. Between them.
    shareOfAnsweredCalls: 0.72,
    // [TS], [PROV], [WK]: inquiries 41–64 %, help 19–30 %, complaints/reports 1–33 %, suggestions 1–15 %,
    // praise < 0.5 %. The demo templates have no "other"; its share is folded into the rest.
    typeWeights: { inquiry: 0.5, help: 0.22, complaint: 0.17, report: 0.05, suggestion: 0.05, praise: 0.01 },
    // [KB] 40–96 % of inquiries answered at once; [TS] 85.9 % and [WK] 52.7 % of all requests closed directly.
    inquiryClosedDirectly: 0.8,
    // [PDS]: housing and property top city matters; [HD]: social security 13 %, utilities 9 %. Assumption.
    topCategoryWeights: {
      CXJS: 1.6,
      CSGL: 1.6,
      LDSB: 1.3,
      SCJG: 1.2,
      GYSY: 1.2,
      YLWS: 1.1,
      SL: 0.5,
      YJ: 0.5,
      TYJR: 0.4,
      CJR: 0.4,
    },
    seasonal: [
      // [ZZ], [HEAT]: heating complaints flood in when heating starts (北方 Henan: mid-November to mid-March).
      { categories: ['GYSY.GN'], from: '11-10', to: '11-30', factor: 20 },
      { categories: ['GYSY.GN'], from: '12-01', to: '03-15', factor: 6 },
      { categories: ['GYSY.GN'], from: '03-16', to: '11-09', factor: 0.3 },
      { categories: ['HJBH.DQWR'], from: '11-15', to: '02-28', factor: 1.8 },
      // Assumption: summer brings water and power trouble, flooding and noise from people outdoors at night.
      {
        categories: ['GYSY.TS', 'GYSY.SZSY', 'GYSY.TD', 'GYSY.YDFW'],
        from: '06-01',
        to: '08-31',
        factor: 2.5,
      },
      { categories: ['SL.FXPL', 'CSGL.PSGW'], from: '07-01', to: '08-31', factor: 3 },
      { categories: ['GA.SHZS'], from: '05-01', to: '09-30', factor: 1.8 },
      // Assumption: school admissions in summer; residents' medical insurance is collected Sep–Dec; wage arrears
      // before the Spring Festival.
      { categories: ['JY.RXZS'], from: '06-01', to: '08-31', factor: 4 },
      { categories: ['YLWS.YBCB'], from: '09-01', to: '12-31', factor: 2.5 },
      { categories: ['LDSB.TQGZ'], from: '12-01', to: '02-10', factor: 3 },
    ],
    // Assumption: the urban districts call more than their share of residents.
    districtWeights: {
      源汇区: 3,
      郾城区: 3,
      召陵区: 2.5,
      舞阳县: 2,
      临颍县: 2,
      漯河经济技术开发区: 1,
      西城区: 0.8,
    },
  },
  online: {
    // [BJ2021]: network channels 10.86 % of intake → ≈ 220 a day beside 1,800 calls.
    perDay: 220,
    // [BJ2021]: WeChat 78.5 % of the network channel; the rest split between the app and the web (assumption).
    channelWeights: { wechat: 0.76, app: 0.12, web: 0.12 },
    // Assumption: online submissions follow the day but keep up into the evening.
    hourlyShares: [
      1.2, 0.7, 0.4, 0.3, 0.3, 0.4, 1.0, 2.5, 4.8, 6.4, 6.8, 6.4, 5.4, 5.2, 5.8, 6.0, 5.8, 5.2, 5.0, 5.4, 6.0,
      6.0, 4.6, 2.6,
    ],
  },
};

type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
export type SimulatorParameterOverrides = DeepPartial<SimulatorParameters>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeInto(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeInto(base[k], v);
  return out;
}

/** The defaults with the overrides applied: objects merge key by key, arrays and values replace. */
export function resolveParameters(overrides: SimulatorParameterOverrides = {}): SimulatorParameters {
  return mergeInto(DEFAULT_SIMULATOR_PARAMETERS, overrides) as SimulatorParameters;
}

/**
 * Erlang C (M/M/N) and Erlang A (M/M/N+M, Palm's queue with exponential patience) — pure, no I/O.
 *
 * Sources: A. K. Erlang (1917) for C; C. Palm (1943) and A. Mandelbaum & S. Zeltyn, "Service engineering in
 * action: the Palm/Erlang-A queue, with applications to call centers" (2007) for A. Numerics:
 * - Erlang B by its recursion B(n) = A·B(n−1) / (n + A·B(n−1)), B(0) = 1: no factorials, stable for thousands
 *   of agents; Erlang C from it: C = N·B / (N − A·(1 − B)).
 * - Erlang A from the birth–death chain, normalised at state N: the states below N weigh 1/B − 1 relative to
 *   π_N (Erlang B again), the queue states the terms t_j = Π_{k≤j} λ/(Nμ + kθ), summed until negligible.
 *   The 15-second service level by uniformisation of the tagged caller's position (a caller with j ahead
 *   moves up at rate Nμ + jθ and hangs up at rate θ).
 * Times are in seconds; rates per second.
 */

export interface ErlangInput {
  /** Calls offered in the interval. */
  arrivals: number;
  intervalSeconds: number;
  ahtSeconds: number;
  agents: number;
  /** Mean patience (exponential); absent or Infinity = Erlang C. */
  patienceSeconds?: number | null;
  /** The service-level threshold, e.g. 15 s (GB/T 33358-2016). */
  targetSeconds: number;
}

export interface ErlangResult {
  model: 'erlang_c' | 'erlang_a';
  /** Offered load in Erlangs, λ·AHT. */
  erlangs: number;
  agents: number;
  /** Erlang C with N ≤ A: the queue grows without bound (no steady state). */
  stable: boolean;
  /** Share of offered calls answered within the target (abandoned calls count as not answered). */
  serviceLevel: number;
  /** Share of callers who find all agents busy and queue. */
  waitProbability: number;
  /** Mean wait of answered calls (ASA); null when unstable. */
  asaSeconds: number | null;
  /** Mean wait of all callers, answered or not (Little: E[queue]/λ); null when unstable. */
  meanWaitSeconds: number | null;
  /** Carried load per agent. */
  occupancy: number;
  /** Erlang A only: share of offered calls that hang up in the queue. */
  abandonProbability?: number;
}

/** Erlang B blocking probability by the stable recursion. */
export function erlangB(agents: number, erlangs: number): number {
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (erlangs * b) / (n + erlangs * b);
  return b;
}

/** Erlang C probability of waiting; 1 when N ≤ A. */
export function erlangC(agents: number, erlangs: number): number {
  if (agents <= erlangs) return 1;
  const b = erlangB(agents, erlangs);
  return (agents * b) / (agents - erlangs * (1 - b));
}

export function checkErlangInput(i: ErlangInput): void {
  const positive = (name: string, v: number) => {
    if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${name} must be a positive number`);
  };
  if (!Number.isFinite(i.arrivals) || i.arrivals < 0) throw new RangeError('arrivals must be ≥ 0');
  positive('intervalSeconds', i.intervalSeconds);
  positive('ahtSeconds', i.ahtSeconds);
  if (!Number.isInteger(i.agents) || i.agents < 1 || i.agents > 100_000)
    throw new RangeError('agents must be a whole number 1–100000');
  if (i.patienceSeconds != null && !(i.patienceSeconds > 0)) positive('patienceSeconds', i.patienceSeconds);
  if (!Number.isFinite(i.targetSeconds) || i.targetSeconds < 0)
    throw new RangeError('targetSeconds must be ≥ 0');
}

export function erlang(i: ErlangInput): ErlangResult {
  checkErlangInput(i);
  const patient = i.patienceSeconds == null || !Number.isFinite(i.patienceSeconds);
  return patient ? erlangCMetrics(i) : erlangAMetrics(i);
}

function erlangCMetrics(i: ErlangInput): ErlangResult {
  const lambda = i.arrivals / i.intervalSeconds;
  const a = lambda * i.ahtSeconds;
  const n = i.agents;
  if (n <= a) {
    return {
      model: 'erlang_c',
      erlangs: a,
      agents: n,
      stable: false,
      serviceLevel: 0,
      waitProbability: 1,
      asaSeconds: null,
      meanWaitSeconds: null,
      occupancy: 1,
    };
  }
  const c = erlangC(n, a);
  const asa = (c * i.ahtSeconds) / (n - a);
  return {
    model: 'erlang_c',
    erlangs: a,
    agents: n,
    stable: true,
    serviceLevel: 1 - c * Math.exp((-(n - a) * i.targetSeconds) / i.ahtSeconds),
    waitProbability: c,
    // Without abandonment every caller is answered: the mean wait of answered calls is that of all calls.
    asaSeconds: asa,
    meanWaitSeconds: asa,
    occupancy: a / n,
  };
}

const MAX_QUEUE_STATES = 200_000;

/** t_j = π_{N+j}/π_N for j = 0, 1, … until the tail is negligible. */
function queueTerms(lambda: number, nMu: number, theta: number): number[] {
  const t = [1];
  let sum = 1;
  for (let j = 1; j < MAX_QUEUE_STATES; j++) {
    const next = (t[j - 1]! * lambda) / (nMu + j * theta);
    t.push(next);
    sum += next;
    // Past the mode (rates exceed λ) the terms fall geometrically: stop when they no longer count.
    if (nMu + j * theta > lambda && next < 1e-17 * sum) return t;
  }
  // Overloaded with near-infinite patience: the queue would hold more callers than we can enumerate.
  throw new RangeError('patienceSeconds too long for this overload: the queue has no usable steady state');
}

function erlangAMetrics(i: ErlangInput): ErlangResult {
  const lambda = i.arrivals / i.intervalSeconds;
  const mu = 1 / i.ahtSeconds;
  const theta = 1 / (i.patienceSeconds as number);
  const n = i.agents;
  const a = lambda / mu;
  if (lambda === 0) {
    return {
      model: 'erlang_a',
      erlangs: 0,
      agents: n,
      stable: true,
      serviceLevel: 1,
      waitProbability: 0,
      asaSeconds: 0,
      meanWaitSeconds: 0,
      occupancy: 0,
      abandonProbability: 0,
    };
  }
  const nMu = n * mu;
  const t = queueTerms(lambda, nMu, theta);
  const b = erlangB(n, a);
  let sUp = 0;
  let qUp = 0;
  for (let j = 0; j < t.length; j++) {
    sUp += t[j]!;
    qUp += j * t[j]!;
  }
  // π_N = 1 / (1/B − 1 + S_up), written so that a tiny B (many idle agents) cannot overflow.
  const piN = b / (1 + b * (sUp - 1));
  const waitProbability = piN * sUp;
  const queueLength = piN * qUp;
  const abandonProbability = (theta * queueLength) / lambda;
  // Mean wait of answered callers: for j ahead, P(served) and E[wait; served] by the position recursion.
  let served = 1;
  let waitServed = 0;
  let sumWaitServed = 0;
  for (let j = 0; j < t.length; j++) {
    const nu = nMu + (j + 1) * theta;
    const up = (nMu + j * theta) / nu;
    // Moving from "j−1 ahead" to "j ahead" adds one more stage in front of the previous chain.
    waitServed = up * (served / nu + waitServed);
    served = up * served;
    sumWaitServed += t[j]! * waitServed;
  }
  const answered = 1 - abandonProbability;
  const asa = answered > 0 ? (piN * sumWaitServed) / answered : null;
  const delayedWithin = servedWithin(t, nMu, theta, i.targetSeconds);
  return {
    model: 'erlang_a',
    erlangs: a,
    agents: n,
    stable: true,
    serviceLevel: Math.min(1, 1 - waitProbability + piN * delayedWithin),
    waitProbability,
    asaSeconds: asa,
    meanWaitSeconds: queueLength / lambda,
    occupancy: Math.min(1, (lambda * answered) / nMu),
    abandonProbability,
  };
}

/**
 * Σ_j t_j · P(a caller arriving with j ahead is answered within T), by uniformisation: with rate Λ the chain
 * jumps at Poisson(ΛT) steps; u_k(j) = P(answered within k steps | j ahead) satisfies
 * u_k(j) = p_up(j)·u_{k−1}(j−1) + p_stay(j)·u_{k−1}(j), u_k(−1) = 1, u_0 = 0.
 */
function servedWithin(t: number[], nMu: number, theta: number, target: number): number {
  if (target <= 0) return 0;
  const states = t.length;
  const rate = nMu + states * theta;
  const lt = rate * target;
  const maxSteps = Math.ceil(lt + 12 * Math.sqrt(lt) + 30);
  let u = new Float64Array(states);
  let next = new Float64Array(states);
  const g = new Float64Array(states);
  const logL = Math.log(lt);
  let logFact = 0;
  let cumulative = 0;
  for (let k = 1; k <= maxSteps; k++) {
    for (let j = 0; j < states; j++) {
      const up = (nMu + j * theta) / rate;
      const stay = 1 - up - theta / rate;
      next[j] = up * (j === 0 ? 1 : u[j - 1]!) + stay * u[j]!;
    }
    [u, next] = [next, u];
    logFact += Math.log(k);
    // P(Poisson = k), in logs so that a long target or a busy centre cannot underflow e^{−ΛT}.
    const w = Math.exp(-lt + k * logL - logFact);
    cumulative += w;
    for (let j = 0; j < states; j++) g[j]! += w * u[j]!;
    if (k > lt && 1 - cumulative - Math.exp(-lt) < 1e-15) break;
  }
  let sum = 0;
  for (let j = 0; j < states; j++) sum += t[j]! * g[j]!;
  return sum;
}

export interface StaffingTarget {
  /** Minimum share answered within targetSeconds, 0–1. */
  serviceLevel?: number;
  /** Maximum share abandoned (Erlang A), 0–1: the answer-rate target as 1 − abandonment. */
  maxAbandon?: number;
}

/**
 * The fewest agents meeting every target. Service level rises and abandonment falls with each agent added
 * (both monotone in N), so a doubling then bisection search finds the least N in O(log N) evaluations.
 */
export function requiredAgents(
  base: Omit<ErlangInput, 'agents'>,
  target: StaffingTarget,
  maxAgents = 10_000,
): { agents: number; result: ErlangResult } | null {
  const meets = (n: number) => {
    const r = erlang({ ...base, agents: n });
    const okSl = target.serviceLevel == null || (r.stable && r.serviceLevel >= target.serviceLevel);
    const okAb =
      target.maxAbandon == null || r.abandonProbability == null || r.abandonProbability <= target.maxAbandon;
    return { ok: okSl && okAb, r };
  };
  let lo = 0;
  let hi = 1;
  let found = meets(hi);
  while (!found.ok) {
    lo = hi;
    hi *= 2;
    if (hi > maxAgents) {
      hi = maxAgents;
      found = meets(hi);
      if (!found.ok) return null;
      break;
    }
    found = meets(hi);
  }
  // Invariant: lo fails (or is 0), hi meets.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const m = meets(mid);
    if (m.ok) {
      hi = mid;
      found = m;
    } else lo = mid;
  }
  return { agents: hi, result: found.r.agents === hi ? found.r : erlang({ ...base, agents: hi }) };
}

/**
 * The simulation's future-event list: a binary min-heap over parallel number arrays (no object per event), ordered
 * by time and then by insertion, so that two events at the same millisecond always run in the same order and a
 * seed gives the same history.
 */
export interface EventHeap {
  time: number[];
  seq: number[];
  kind: number[];
  ref: number[];
  size: number;
  nextSeq: number;
}

/** The event taken off the heap by `popEvent`. */
export interface PoppedEvent {
  time: number;
  kind: number;
  ref: number;
}

export function createEventHeap(): EventHeap {
  return { time: [], seq: [], kind: [], ref: [], size: 0, nextSeq: 0 };
}

function before(h: EventHeap, i: number, j: number): boolean {
  const ti = h.time[i]!;
  const tj = h.time[j]!;
  return ti < tj || (ti === tj && h.seq[i]! < h.seq[j]!);
}

function swapIn(a: number[], i: number, j: number): void {
  const x = a[i]!;
  a[i] = a[j]!;
  a[j] = x;
}

function swap(h: EventHeap, i: number, j: number): void {
  swapIn(h.time, i, j);
  swapIn(h.seq, i, j);
  swapIn(h.kind, i, j);
  swapIn(h.ref, i, j);
}

export function pushEvent(h: EventHeap, time: number, kind: number, ref: number): void {
  let i = h.size++;
  h.time[i] = time;
  h.seq[i] = h.nextSeq++;
  h.kind[i] = kind;
  h.ref[i] = ref;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(h, i, parent)) break;
    swap(h, i, parent);
    i = parent;
  }
}

/** Takes the earliest event into `out`; false when the heap is empty. */
export function popEvent(h: EventHeap, out: PoppedEvent): boolean {
  if (h.size === 0) return false;
  out.time = h.time[0]!;
  out.kind = h.kind[0]!;
  out.ref = h.ref[0]!;
  const last = --h.size;
  if (last > 0) {
    h.time[0] = h.time[last]!;
    h.seq[0] = h.seq[last]!;
    h.kind[0] = h.kind[last]!;
    h.ref[0] = h.ref[last]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < last && before(h, l, m)) m = l;
      if (r < last && before(h, r, m)) m = r;
      if (m === i) break;
      swap(h, i, m);
      i = m;
    }
  }
  return true;
}

export function peekTime(h: EventHeap): number {
  return h.size > 0 ? h.time[0]! : Infinity;
}

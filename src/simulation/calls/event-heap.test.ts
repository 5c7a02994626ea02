import { describe, expect, it } from 'vitest';
import { createStream } from './distributions.ts';
import { createEventHeap, peekTime, popEvent, pushEvent, type PoppedEvent } from './event-heap.ts';

describe('the event heap', () => {
  it('pops by time, and events at the same time in the order they were pushed', () => {
    const h = createEventHeap();
    const rnd = createStream(5);
    const pushed: [number, number][] = [];
    for (let i = 0; i < 2_000; i++) {
      const time = Math.floor(rnd.next() * 100);
      pushEvent(h, time, 0, i);
      pushed.push([time, i]);
    }
    const out: PoppedEvent = { time: 0, kind: 0, ref: 0 };
    const popped: [number, number][] = [];
    while (popEvent(h, out)) popped.push([out.time, out.ref]);
    expect(popped).toEqual([...pushed].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(peekTime(h)).toBe(Infinity);
  });

  it('interleaves pushes and pops', () => {
    const h = createEventHeap();
    const out: PoppedEvent = { time: 0, kind: 0, ref: 0 };
    pushEvent(h, 5, 1, 0);
    pushEvent(h, 3, 2, 0);
    expect(popEvent(h, out) && out.time).toBe(3);
    pushEvent(h, 4, 3, 0);
    expect(popEvent(h, out) && out.kind).toBe(3);
    expect(popEvent(h, out) && out.time).toBe(5);
    expect(popEvent(h, out)).toBe(false);
  });
});

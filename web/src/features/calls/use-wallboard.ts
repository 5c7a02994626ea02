import { useCallback, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import type { WallboardSnapshot } from './types.ts';

/** How the board gets its figures: the event stream, or (when the stream keeps failing) polling. */
export type FeedLink = 'connecting' | 'live' | 'reconnecting' | 'polling';

/** Consecutive stream errors (without a snapshot between them) after which the board polls instead. */
const MAX_STREAM_ERRORS = 3;
export const POLL_MS = 15_000;
/** While polling, the stream is tried again this often. */
const STREAM_RETRY_MS = 60_000;
/** The stream sends at least every 15 s; a snapshot older than this is stale. */
export const STALE_MS = 45_000;

/**
 * The wallboard's live snapshot: `GET /api/calls/wallboard/stream` as server-sent events (signed in by the
 * session cookie, which an EventSource sends like any same-origin request), each `snapshot` event replacing the last. EventSource reconnects by
 * itself; after repeated errors, or when the server refuses the stream, the board polls `GET /api/calls/wallboard`
 * every 15 s and tries the stream again every minute.
 */
export function useWallboardFeed() {
  const [mode, setMode] = useState<'stream' | 'poll'>(() =>
    typeof EventSource === 'undefined' ? 'poll' : 'stream',
  );
  const [link, setLink] = useState<FeedLink>('connecting');
  const [snapshot, setSnapshot] = useState<WallboardSnapshot | null>(null);
  const [receivedAt, setReceivedAt] = useState<number | null>(null);

  const accept = useCallback((s: WallboardSnapshot, at = Date.now()) => {
    setSnapshot(s);
    setReceivedAt(at);
  }, []);

  useEffect(() => {
    if (mode !== 'stream') return;
    const source = new EventSource('/api/calls/wallboard/stream');
    let errors = 0;
    setLink((l) => (l === 'polling' ? 'polling' : 'connecting'));
    source.addEventListener('snapshot', (e) => {
      errors = 0;
      try {
        accept(JSON.parse((e as MessageEvent<string>).data) as WallboardSnapshot);
        setLink('live');
      } catch {
        // A malformed event is skipped; the next one replaces it.
      }
    });
    source.onerror = () => {
      errors += 1;
      // CLOSED: the server answered with something other than a stream (signed out, refused); no retry.
      if (source.readyState === EventSource.CLOSED || errors >= MAX_STREAM_ERRORS) {
        source.close();
        setMode('poll');
        setLink('polling');
        return;
      }
      setLink('reconnecting');
    };
    return () => source.close();
  }, [mode, accept]);

  const poll = useQuery({
    queryKey: ['calls', 'wallboard'],
    queryFn: () => unwrap(client.GET('/api/calls/wallboard')),
    enabled: mode === 'poll',
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: true,
  });

  useEffect(() => {
    if (mode === 'poll' && poll.data) accept(poll.data, poll.dataUpdatedAt);
  }, [mode, poll.data, poll.dataUpdatedAt, accept]);

  useEffect(() => {
    if (mode !== 'poll') return;
    const t = setTimeout(() => setMode('stream'), STREAM_RETRY_MS);
    return () => clearTimeout(t);
  }, [mode]);

  return {
    snapshot,
    receivedAt,
    link,
    /** The polling error, when neither the stream nor polling works. */
    error: mode === 'poll' ? poll.error : null,
    retry: () => (mode === 'poll' ? void poll.refetch() : setMode('stream')),
  };
}

/** The current time, ticking. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

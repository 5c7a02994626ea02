import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../model.ts';
import { parseCallLog } from './index.ts';

async function* linesOf(text: string): AsyncGenerator<string> {
  yield* text.split('\n');
}

async function collect(items: AsyncIterable<ParsedItem>): Promise<ParsedItem[]> {
  const out: ParsedItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('parseCallLog', () => {
  it('dispatches on the format and reads a stream or an iterable of lines alike', async () => {
    const inputs = {
      generic: 'call_id,offered_at,answered_at\nG1,2025-03-04 09:00:00,2025-03-04 09:00:07',
      'asterisk-queue-log': '1741050000|A1|q|NONE|ENTERQUEUE||139|1\n1741050007|A1|q|SIP/1001|CONNECT|7|b|2',
      freeswitch:
        '"uuid","cc_queue","cc_queue_joined_epoch","cc_queue_answered_epoch"\n"F1","q","1741050000","1741050007"',
    } as const;
    for (const [format, text] of Object.entries(inputs) as [keyof typeof inputs, string][]) {
      for (const input of [Readable.from([Buffer.from(text)]), linesOf(text)]) {
        const items = await collect(parseCallLog(format, input).items);
        expect(items).toHaveLength(1);
        const item = items[0]!;
        expect(item.kind === 'record' && item.record.answeredAt).toEqual(new Date('2025-03-04T01:00:07Z'));
      }
    }
  });

  it('counts lines, records, rejections and skipped lines while it runs, and hands out copies', async () => {
    const parsed = parseCallLog(
      'asterisk-queue-log',
      linesOf(
        '1741050000|NONE|q|SIP/1001|PAUSE|\nnonsense\n1741050000|A1|q|NONE|ENTERQUEUE||139|1\n1741050009|A1|q|NONE|ABANDON|1|1|9',
      ),
    );
    const before = parsed.stats();
    await collect(parsed.items);
    expect(before.lines).toBe(0);
    expect(parsed.stats()).toEqual({
      lines: 4,
      records: 1,
      rejected: 1,
      skipped: 1,
      ignored: 0,
      openCalls: 0,
      maxOpenCalls: 1,
    });
  });

  it('passes a read error to the caller instead of ending quietly', async () => {
    const parsed = parseCallLog('generic', createReadStream('/nonexistent/calls.csv'));
    await expect(collect(parsed.items)).rejects.toThrow(/ENOENT/);
  });
});

/**
 * Test only: call logs written out for the import tests (import.test.ts, import-crash.test.ts).
 *
 * An Asterisk queue_log of `n` calls, every call id starting with `prefix`: three lines for an answered call, two
 * for an abandoned one (every tenth). `badLineAt` adds one line that is not a queue_log line after that call.
 */
export function queueLog(n: number, prefix: string, badLineAt?: number): string {
  let out = '';
  const t0 = 1741050000;
  for (let i = 0; i < n; i++) {
    const id = `${prefix}${String(i).padStart(8, '0')}.${i % 1000}`;
    out += `${t0 + i}|${id}|hotline|NONE|ENTERQUEUE||139${String(i).padStart(8, '0')}|1\n`;
    if (i % 10 === 3) out += `${t0 + i + 9}|${id}|hotline|NONE|ABANDON|1|1|9\n`;
    else {
      out += `${t0 + i + 5}|${id}|hotline|Local/1001@agents|CONNECT|5|${id}b|3\n`;
      out += `${t0 + i + 245}|${id}|hotline|Local/1001@agents|COMPLETECALLER|5|240|1\n`;
    }
    if (i === badLineAt) out += 'not|a queue_log line\n';
  }
  return out;
}

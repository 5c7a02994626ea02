import type { ReactNode } from 'react';
import { Typography } from 'antd';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const unescape = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

/**
 * A search snippet as React text: the server escapes everything and wraps query words in <mark>, so only
 * those marks become elements; nothing else from the string is ever treated as markup.
 */
export function Highlighted({ html }: { html: string }) {
  const parts = html.split(/<mark>([\s\S]*?)<\/mark>/g);
  return (
    <span className="kb-snippet">
      {parts.map((p, i) =>
        i % 2 === 1 ? <mark key={i}>{unescape(p)}</mark> : <span key={i}>{unescape(p)}</span>,
      )}
    </span>
  );
}

const SAFE_URL = /^(https?:|mailto:|tel:|\/)/i;

/** Emphasis, code and links inside a line; everything else stays text. */
function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const k = `${key}-${n++}`;
    if (m[1] != null) out.push(<strong key={k}>{m[1]}</strong>);
    else if (m[2] != null) out.push(<code key={k}>{m[2]}</code>);
    else if (SAFE_URL.test(m[4]!))
      out.push(
        <a key={k} href={m[4]} target="_blank" rel="noreferrer noopener">
          {m[3]}
        </a>,
      );
    else out.push(m[3]);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/**
 * An article's content: formatted text with a safe subset of Markdown (headings, lists, emphasis, links,
 * tables as plain rows). Rendered as React elements; raw HTML is never injected.
 */
export function ArticleContent({ content }: { content: string }) {
  const lines = content.replace(/<br\s*\/?>/gi, '\n').split('\n');
  const blocks: ReactNode[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (!list) return;
    const items = list.items.map((t, i) => <li key={i}>{inline(t, `li${blocks.length}-${i}`)}</li>);
    blocks.push(list.ordered ? <ol key={blocks.length}>{items}</ol> : <ul key={blocks.length}>{items}</ul>);
    list = null;
  };
  for (const line of lines) {
    const heading = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      const ordered = Boolean(numbered);
      if (list && list.ordered !== ordered) flush();
      list ??= { ordered, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
      continue;
    }
    flush();
    if (heading) {
      const level = Math.min(5, heading[1]!.length + 2) as 3 | 4 | 5;
      blocks.push(
        <Typography.Title key={blocks.length} level={level} style={{ marginTop: 12 }}>
          {inline(heading[2]!, `h${blocks.length}`)}
        </Typography.Title>,
      );
    } else if (/^\s*\|?[\s:|-]+\|[\s:|-]*$/.test(line)) {
      continue;
    } else if (!line.trim()) {
      blocks.push(<div key={blocks.length} style={{ height: 8 }} />);
    } else {
      const text = line.includes('|') ? line.replace(/^\s*\||\|\s*$/g, '').replace(/\s*\|\s*/g, '　') : line;
      blocks.push(
        <div key={blocks.length} style={{ lineHeight: 1.8 }}>
          {inline(text, `p${blocks.length}`)}
        </div>,
      );
    }
  }
  flush();
  return <div data-testid="kb-article-content">{blocks}</div>;
}

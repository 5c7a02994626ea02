import { useEffect, useState } from 'react';
import { Alert, Progress } from 'antd';

interface Health {
  demo?: { state: 'seeding' | 'ready' | 'failed'; percent: number; step: string | null };
}

/**
 * 示例数据生成中 (n%): on the first start of `hotline serve --demo` the demo city is written in the background;
 * this banner polls GET /api/health until it is done, so a newcomer knows why the lists are still filling.
 */
export function DemoProgressBanner() {
  const [demo, setDemo] = useState<Health['demo']>();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const res = await fetch('/api/health');
        const h = (await res.json()) as Health;
        if (stopped) return;
        setDemo(h.demo);
        if (h.demo?.state === 'seeding') timer = setTimeout(poll, 3000);
      } catch {
        if (!stopped) timer = setTimeout(poll, 5000);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  if (!demo || demo.state === 'ready') return null;
  if (demo.state === 'failed')
    return (
      <Alert type="error" showIcon title="示例数据生成失败，请查看服务器日志" style={{ marginBottom: 12 }} />
    );
  return (
    <Alert
      data-testid="demo-progress"
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={`示例数据生成中 (${demo.percent}%)`}
      description={
        <>
          平台已可使用；示例工单、话务和报表正在后台写入，完成前各页数据会陆续增加。
          <Progress percent={demo.percent} size="small" />
        </>
      }
    />
  );
}

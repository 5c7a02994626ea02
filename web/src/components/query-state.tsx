import type { ReactNode } from 'react';
import { Alert, Button, Empty, Result, Skeleton } from 'antd';
import { ApiError } from '../app/api.ts';

export function errorText(err: unknown): string {
  return err instanceof ApiError ? err.messageZh : '加载失败';
}

/** The three states every list and panel has besides its data: loading, failed (with retry), empty. */
export function QueryState({
  loading,
  error,
  empty,
  emptyText = '暂无数据',
  onRetry,
  children,
}: {
  loading: boolean;
  error: unknown;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children: ReactNode;
}) {
  if (loading) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (error) {
    // A record that does not exist or may not be seen: say so; retrying cannot help (issue 14).
    const status = error instanceof ApiError ? error.status : 0;
    if (status === 404 || status === 403)
      return (
        <Result
          status={status === 404 ? '404' : '403'}
          title={status === 404 ? '未找到' : '无权查看'}
          subTitle={errorText(error)}
          data-testid={`query-${status}`}
        />
      );
    return (
      <Alert
        type="error"
        showIcon
        message={errorText(error)}
        action={
          onRetry ? (
            <Button size="small" onClick={onRetry}>
              重试
            </Button>
          ) : undefined
        }
      />
    );
  }
  if (empty) return <Empty description={emptyText} />;
  return <>{children}</>;
}

import { Alert } from 'antd';
import { Link } from 'react-router';
import { fmtDeadline } from '../../app/format.ts';
import type { IntakeOutcome } from './use-intake.ts';

const STEP = { dispatch: '派单', 'close-direct': '直接办结' } as const;

/** The banner above the form: the number to read out to the caller, or what is left to do. */
export function IntakeOutcomeBanner({
  outcome,
  onClose,
}: {
  outcome: IntakeOutcome | null;
  onClose: () => void;
}) {
  if (!outcome) return null;
  if (outcome.kind === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        closable
        onClose={onClose}
        message={outcome.message}
        data-testid="workbench-result"
      />
    );
  }
  const link = (
    <Link to={`/orders/${outcome.order.id}`} data-testid="workbench-result-link">
      {outcome.order.number}
    </Link>
  );
  if (outcome.kind === 'partial') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="workbench-result"
        message={
          <>
            工单 {link} 已登记，但未能{STEP[outcome.mode]}：{outcome.message}
          </>
        }
        description={`诉求内容已锁定，不会重复登记。可修改${outcome.mode === 'dispatch' ? '主办单位或时限' : '答复内容'}后再次提交，或打开工单详情继续处理；按「新来电」则该工单留在「待派单」队列。`}
      />
    );
  }
  const o = outcome.order;
  return (
    <Alert
      type="success"
      showIcon
      closable
      onClose={onClose}
      data-testid="workbench-result"
      message={
        <>
          上一张工单 {link}{' '}
          {outcome.mode === 'dispatch'
            ? `已派单至 ${o.departmentName ?? '—'}，办理时限 ${o.timeLimitDays ?? '—'} 个工作日（至 ${fmtDeadline(o.handleDueAt)}）`
            : '已直接办结'}
        </>
      }
    />
  );
}

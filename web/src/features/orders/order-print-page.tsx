import { fmtDeadline, fmtTime } from '../../app/format.ts';
import {
  ACTION_LABELS,
  CHANNEL_LABELS,
  ROLE_LABELS,
  SATISFACTION_LABELS,
  STATUS_LABELS,
  TYPE_LABELS,
  URGENCY_LABELS,
} from '../../app/labels.ts';
import { departmentName, useDepartments } from '../../app/reference-data.ts';
import { PrintPage, usePrintOrder, v } from './print-sheet.tsx';

/** 打印工单 — the whole work order on A4: the request, the caller (as this user may see them), handling, callbacks. */
export default function OrderPrintPage() {
  const q = usePrintOrder();
  const departments = useDepartments();
  return (
    <PrintPage title="打印工单" testId="order-print" query={q}>
      {(o) => {
        const cb = o.callbacks.filter((c) => c.reached).at(-1);
        return (
          <>
            <h1>12345 政务服务便民热线工单</h1>
            <div className="sub">
              <span>工单编号：{o.number}</span>
              <span>状态：{STATUS_LABELS[o.status] ?? o.status}</span>
            </div>
            <table>
              <tbody>
                <tr>
                  <th>受理时间</th>
                  <td>{fmtTime(o.receivedAt)}</td>
                  <th>渠道</th>
                  <td>{CHANNEL_LABELS[o.channel] ?? o.channel}</td>
                </tr>
                <tr>
                  <th>诉求类型</th>
                  <td>{TYPE_LABELS[o.type] ?? o.type}</td>
                  <th>紧急程度</th>
                  <td>{URGENCY_LABELS[o.urgency] ?? o.urgency}</td>
                </tr>
                <tr>
                  <th>分类</th>
                  <td colSpan={3}>{o.categoryPath?.join(' › ') ?? '未分类'}</td>
                </tr>
                <tr>
                  <th>诉求人</th>
                  <td>{o.caller.anonymous ? `${v(o.caller.name)}（要求保密）` : v(o.caller.name)}</td>
                  <th>联系电话</th>
                  <td>{v(o.caller.phone)}</td>
                </tr>
                <tr>
                  <th>地点</th>
                  <td colSpan={3}>
                    {[o.location.district, o.location.address].filter(Boolean).join(' ') || '—'}
                  </td>
                </tr>
                <tr>
                  <th>标题</th>
                  <td colSpan={3} data-testid="print-title">
                    {o.title}
                  </td>
                </tr>
                <tr>
                  <th>诉求内容</th>
                  <td colSpan={3} className="tall">
                    {o.content}
                  </td>
                </tr>
                <tr>
                  <th>主办单位</th>
                  <td>{v(o.departmentName)}</td>
                  <th>协办单位</th>
                  <td>
                    {o.coDepartmentIds.map((d) => departmentName(departments.data, d)).join('、') || '—'}
                  </td>
                </tr>
                <tr>
                  <th>办理时限</th>
                  <td>{o.timeLimitDays ? `${o.timeLimitDays} 个工作日` : '—'}</td>
                  <th>办结期限</th>
                  <td>{fmtDeadline(o.handleDueAt)}</td>
                </tr>
                {o.answer && (
                  <tr>
                    <th>直接答复</th>
                    <td colSpan={3}>{o.answer}</td>
                  </tr>
                )}
                <tr>
                  <th>办理结果</th>
                  <td colSpan={3} className={o.reply ? undefined : 'tall'}>
                    {o.reply ?? ''}
                  </td>
                </tr>
                <tr>
                  <th>回访</th>
                  <td colSpan={3}>
                    {cb
                      ? `${fmtTime(cb.at)}\u3000满意度：${SATISFACTION_LABELS[cb.satisfaction ?? ''] ?? '—'}\u3000是否解决：${
                          cb.resolved == null ? '—' : cb.resolved ? '已解决' : '未解决'
                        }${cb.note ? `\u3000${cb.note}` : ''}`
                      : '—'}
                  </td>
                </tr>
                <tr>
                  <th>办理过程</th>
                  <td colSpan={3}>
                    {o.history
                      .map(
                        (h) =>
                          `${fmtTime(h.at)}\u3000${ACTION_LABELS[h.action] ?? h.action}\u3000${
                            h.actor.name ?? ROLE_LABELS[h.actor.role] ?? h.actor.role
                          }${h.note ? `：${h.note}` : ''}`,
                      )
                      .join('\n')}
                  </td>
                </tr>
              </tbody>
            </table>
            <div className="foot">
              打印时间：{fmtTime(new Date().toISOString())}
              {'\u3000'}本单含市民个人信息，仅限办理使用，不得外传。
            </div>
          </>
        );
      }}
    </PrintPage>
  );
}

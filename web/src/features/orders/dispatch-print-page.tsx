import { fmtDeadline, fmtTime } from '../../app/format.ts';
import { TYPE_LABELS, URGENCY_LABELS } from '../../app/labels.ts';
import { departmentName, useDepartments } from '../../app/reference-data.ts';
import { PrintPage, usePrintOrder, v } from './print-sheet.tsx';

/**
 * 打印交办单 — the dispatch slip that goes to the lead department with the latest dispatch: what the citizen
 * asked, where, by when, and boxes for the department's receipt, result, signature and seal. A caller who asked
 * to stay anonymous is not named on it.
 */
export default function DispatchPrintPage() {
  const q = usePrintOrder();
  const departments = useDepartments();
  return (
    <PrintPage title="打印交办单" testId="dispatch-print" query={q}>
      {(o) => {
        const d = o.dispatches.at(-1);
        if (!d) return <p>该工单尚未交办，没有交办单。</p>;
        const note = [...o.history].reverse().find((h) => h.action === 'dispatch')?.note;
        return (
          <>
            <h1>12345 政务服务便民热线交办单</h1>
            <div className="sub">
              <span>工单编号：{o.number}</span>
              <span>{d.reopen ? '重办' : URGENCY_LABELS[o.urgency] === '紧急' ? '紧急件' : '一般件'}</span>
            </div>
            <table>
              <tbody>
                <tr>
                  <th>承办单位</th>
                  <td data-testid="dispatch-department">
                    {departmentName(departments.data, d.departmentId)}
                  </td>
                  <th>协办单位</th>
                  <td>
                    {d.coDepartmentIds.map((x) => departmentName(departments.data, x)).join('、') || '—'}
                  </td>
                </tr>
                <tr>
                  <th>交办时间</th>
                  <td>{fmtTime(d.dispatchedAt)}</td>
                  <th>办结期限</th>
                  <td>
                    {fmtDeadline(d.dueAt)}（{d.timeLimitDays} 个工作日）
                  </td>
                </tr>
                <tr>
                  <th>诉求类型</th>
                  <td>{TYPE_LABELS[o.type] ?? o.type}</td>
                  <th>分类</th>
                  <td>{o.categoryPath?.join(' › ') ?? '—'}</td>
                </tr>
                <tr>
                  <th>诉求人</th>
                  <td>{o.caller.anonymous ? '市民要求保密' : v(o.caller.name)}</td>
                  <th>联系电话</th>
                  <td>{o.caller.anonymous ? '—' : v(o.caller.phone)}</td>
                </tr>
                <tr>
                  <th>地点</th>
                  <td colSpan={3}>
                    {[o.location.district, o.location.address].filter(Boolean).join(' ') || '—'}
                  </td>
                </tr>
                <tr>
                  <th>标题</th>
                  <td colSpan={3}>{o.title}</td>
                </tr>
                <tr>
                  <th>诉求内容</th>
                  <td colSpan={3} className="tall">
                    {o.content}
                  </td>
                </tr>
                <tr>
                  <th>交办意见</th>
                  <td colSpan={3}>{note ?? '请按时限办理并答复市民，办理结果报 12345 热线。'}</td>
                </tr>
                <tr>
                  <th>签收</th>
                  <td>{d.signedAt ? fmtTime(d.signedAt) : ''}</td>
                  <th>签收人</th>
                  <td />
                </tr>
                <tr>
                  <th>办理结果</th>
                  <td colSpan={3} className="tall" />
                </tr>
                <tr>
                  <th>承办人</th>
                  <td className="sign" />
                  <th>单位（盖章）</th>
                  <td className="sign">{'\n\n\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日'}</td>
                </tr>
              </tbody>
            </table>
            <div className="foot">
              办理结果请在办结期限前通过平台答复；不属本单位职责的，请在签收后 1 个工作日内说明理由退回。
            </div>
          </>
        );
      }}
    </PrintPage>
  );
}

import ExcelJS from 'exceljs';
import { clauseZh, DEDUCTION_KIND_ZH, PERIOD_ZH } from './format-zh.ts';
import type { ContractDefinition } from './model.ts';
import type { currentStatement } from './statements-service.ts';

type Statement = Awaited<ReturnType<typeof currentStatement>>;
const yuan = (fen: number) => fen / 100;

/** The statement sheet: period, window, status, base, each deduction, carried amounts, payable, bond. */
function statementSheet(wb: ExcelJS.Workbook, s: Statement, c: ContractDefinition) {
  const sheet = wb.addWorksheet('结算单');
  sheet.columns = [{ width: 28 }, { width: 70 }, { width: 18 }];
  sheet.addRow([c.name]).font = { bold: true, size: 14 };
  sheet.addRow(['合同', `${c.id} 第 ${c.version} 版`]);
  sheet.addRow(['结算期', `第 ${s.quarter} 季度（${s.period.from} 至 ${s.period.to}，止日不含）`]);
  sheet.addRow(['截至日', `${s.asOf}（此日之后的记录不计入）`]);
  sheet.addRow(['付款期限', `${s.dueFrom} 至 ${s.dueTo}${s.invoiceRequired ? '，凭合格增值税发票' : ''}`]);
  sheet.addRow(['状态', s.statusZh]);
  sheet.addRow([]);
  sheet.addRow(['项目', '说明', '金额（元）']).font = { bold: true };
  sheet.addRow(['本期应付基数', '合同总额 × 本期约定比例', yuan(s.baseFen)]);
  for (const d of s.deductions)
    sheet.addRow([
      `扣减：${DEDUCTION_KIND_ZH[d.kind] ?? d.kind}`,
      `${d.reasonZh}（依据：${clauseZh(d.clause)}）`,
      -yuan(d.amountFen),
    ]);
  if (s.carriedInFen)
    sheet.addRow(['上期结转扣减', '以前季度扣减额超过当期应付的部分', -yuan(s.carriedInFen)]);
  sheet.addRow(['本期实付', '', yuan(s.payableFen)]).font = { bold: true };
  if (s.carriedOutFen)
    sheet.addRow([
      s.isLast ? '结转至履约保证金' : '结转下期扣减',
      '本期扣减额超过应付的部分',
      yuan(s.carriedOutFen),
    ]);
  if (s.bond.amountFen) {
    sheet.addRow([
      '履约保证金',
      `${s.bond.returnBy ? `服务期满且无质量问题后于 ${s.bond.returnBy} 前退还；` : ''}已扣除 ${yuan(s.bond.drawnFen).toFixed(2)} 元${s.bond.unrecoveredFen ? `，尚有 ${yuan(s.bond.unrecoveredFen).toFixed(2)} 元未能抵扣` : ''}`,
      yuan(s.bond.returnableFen),
    ]);
  }
  sheet.addRow(['取整规则', s.roundingZh]);
  for (const w of s.warnings)
    sheet.addRow(['提示', w.messageZh, w.acknowledged ? `已确认：${w.acknowledged.note}` : '待甲方确认']);
  sheet.getColumn(3).numFmt = '#,##0.00';
}

/** 结算单 as an XLSX workbook, in Chinese: the statement, every figure behind it, the readings and settings. */
export async function statementWorkbook(s: Statement, c: ContractDefinition): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '12345 热线平台';
  statementSheet(wb, s, c);
  const ind = wb.addWorksheet('考核指标');
  ind.columns = [
    { header: '序号', width: 6 },
    { header: '指标', width: 22 },
    { header: '考核期', width: 12 },
    { header: '完成值（分子/分母）', width: 26 },
    { header: '指标值', width: 12 },
    { header: '结果', width: 10 },
    { header: '依据', width: 28 },
    { header: '剔除', width: 40 },
  ];
  for (const a of s.assessments) {
    ind.addRow([
      a.no,
      a.name,
      a.period === 'term' ? PERIOD_ZH.term : a.period,
      a.valueZh,
      a.targetZh,
      `${a.statusZh}${a.provisional ? '（暂估）' : ''}`,
      clauseZh(a.clause),
      a.excluded.map((e) => `${e.reason}：${e.ids.length}`).join('；'),
    ]);
  }
  const rd = wb.addWorksheet('合同解释');
  rd.columns = [
    { header: '解释项', width: 24 },
    { header: '取值', width: 50 },
    { header: '是否默认', width: 10 },
    { header: '依据', width: 60 },
  ];
  for (const r of s.readings)
    rd.addRow([r.labelZh, r.valueZh, r.isDefault ? '默认' : '甲方设定', clauseZh(r.clause)]);
  const st = wb.addWorksheet('影响指标的设置');
  st.columns = [
    { header: '设置', width: 44 },
    { header: '取值', width: 30 },
    { header: '来源', width: 60 },
  ];
  for (const x of s.settings) st.addRow([x.labelZh, settingValueZh(x.value), clauseZh(x.source)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const settingValueZh = (v: unknown) =>
  v === true ? '是' : v === false ? '否' : typeof v === 'object' ? JSON.stringify(v) : String(v);

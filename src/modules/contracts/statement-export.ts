import ExcelJS from 'exceljs';
import type { ContractDefinition } from './model.ts';
import type { currentStatement } from './statements-service.ts';

type Statement = Awaited<ReturnType<typeof currentStatement>>;
const yuan = (fen: number) => fen / 100;

/** 结算单 as an XLSX workbook: the statement, its deductions with readings, and every figure behind it. */
export async function statementWorkbook(s: Statement, c: ContractDefinition): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '12345 热线平台';
  const sheet = wb.addWorksheet('结算单');
  sheet.columns = [{ width: 28 }, { width: 60 }, { width: 18 }];
  sheet.addRow([c.name]).font = { bold: true, size: 14 };
  sheet.addRow(['合同', `${c.id} 第 ${c.version} 版`]);
  sheet.addRow(['结算期', `第 ${s.quarter} 季度（${s.period.from} 至 ${s.period.to}，止日不含）`]);
  sheet.addRow(['付款期限', `${s.dueFrom} 至 ${s.dueTo}${s.invoiceRequired ? '，凭合格增值税发票' : ''}`]);
  sheet.addRow(['状态', s.provisional ? '暂估（期间未结束）' : s.status]);
  sheet.addRow([]);
  sheet.addRow(['项目', '说明', '金额（元）']).font = { bold: true };
  sheet.addRow(['本期应付基数', '合同总额 × 本期约定比例', yuan(s.baseFen)]);
  for (const d of s.deductions)
    sheet.addRow([
      `扣减：${d.kind}`,
      `${d.reasonZh}（解释：${d.reading}；依据：${d.clause}）`,
      -yuan(d.amountFen),
    ]);
  sheet.addRow(['本期实付', '', yuan(s.payableFen)]).font = { bold: true };
  sheet.addRow(['取整规则', s.rounding]);
  sheet.getColumn(3).numFmt = '#,##0.00';

  const ind = wb.addWorksheet('考核指标');
  ind.columns = [
    { header: '序号', width: 6 },
    { header: '指标', width: 22 },
    { header: '考核期', width: 12 },
    { header: '分子', width: 10 },
    { header: '分母', width: 10 },
    { header: '值', width: 10 },
    { header: '指标值', width: 10 },
    { header: '达标', width: 8 },
    { header: '剔除', width: 40 },
  ];
  for (const a of s.assessments) {
    ind.addRow([
      a.no,
      a.name,
      a.period,
      a.numerator,
      a.denominator,
      a.value,
      `${a.comparator} ${a.target}`,
      a.met ? '是' : '否',
      a.excluded.map((e) => `${e.reason}: ${e.ids.length}`).join('; '),
    ]);
  }
  const rd = wb.addWorksheet('合同解释');
  rd.columns = [
    { header: '解释项', width: 28 },
    { header: '取值', width: 30 },
    { header: '默认', width: 8 },
    { header: '条款', width: 60 },
  ];
  for (const r of s.readings)
    rd.addRow([r.key, JSON.stringify(r.value), r.isDefault ? '是' : '否', r.clause]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

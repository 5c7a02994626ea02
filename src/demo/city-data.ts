/**
 * Reference data for the demo city that is seeded on first start, modelled on 漯河市 (Luohe, Henan).
 *
 * What is real and what is not:
 * - District and county names, street offices (街道) and towns (乡镇) are real names of Luohe's administrative
 *   divisions. The two functional zones (漯河经济技术开发区, 西城区/城乡一体化示范区) are listed with towns they
 *   manage on behalf of 召陵区 and 源汇区 (托管); that arrangement changes over time, so check the current list
 *   from the 民政 department before relying on it beyond a demo.
 * - Road names are those of Luohe's grid (rivers east–west, mountains north–south) or plausible ones; a road may
 *   cross several districts.
 * - Department names follow how a Chinese prefecture city names its departments after the 2018–2019 institutional
 *   reform (机构改革). Department codes, contact people and telephone numbers are FICTIONAL (all numbers are in
 *   the 0395-555xxxx range, which is not a real allocation). Utility and telecom company names are modelled on
 *   the kind of operator a city has; the heating company is a made-up name.
 * - Communities (小区), companies, people's names and every request text are FICTIONAL.
 * - The dispatch catalogue (派单目录) and its time limits are a realistic example, not Luohe's official catalogue.
 *
 * Pure data, no I/O: the seeding code decides what to insert.
 */
import {
  DEMO_REQUEST_TEMPLATES,
  type DemoRequestTemplate,
  type DemoRequestType,
} from './request-templates.ts';

export { DEMO_REQUEST_TEMPLATES };
export type { DemoRequestTemplate, DemoRequestType };

export type DemoDepartmentKind = 'municipal' | 'district' | 'township' | 'enterprise' | 'other';

export interface DemoDistrict {
  /** As citizens and agents write it, e.g. 源汇区. */
  name: string;
  /** Street offices (街道) and towns/townships (镇/乡). */
  streets: string[];
  roads: string[];
}

export interface DemoDepartment {
  /** Short uppercase ASCII, unique. */
  code: string;
  /** Full official-style name. */
  name: string;
  shortName: string;
  kind: DemoDepartmentKind;
  parentCode?: string;
  contactName: string;
  contactPhone: string;
}

/** A node of the dispatch catalogue. Leaves carry the lead department and time limits (working days). */
export interface DemoCategory {
  code: string;
  name: string;
  departmentCode?: string;
  timeLimitDays?: number;
  urgentTimeLimitDays?: number;
  children?: DemoCategory[];
}

export type DemoReturnReasonCode =
  'not_our_duty' | 'wrong_category' | 'out_of_jurisdiction' | 'insufficient_info' | 'duplicate' | 'other';

export interface DemoReturnReason {
  code: DemoReturnReasonCode;
  reason: string;
}

/** Placeholders a request template may contain; a generator replaces each with a value from the lists below. */
export const DEMO_PLACEHOLDERS = ['district', 'street', 'road', 'community', 'company'] as const;
export type DemoPlaceholder = (typeof DEMO_PLACEHOLDERS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Districts
// ---------------------------------------------------------------------------------------------------------------

export const DEMO_DISTRICTS: DemoDistrict[] = [
  {
    name: '源汇区',
    streets: ['老街街道', '马路街街道', '顺河街街道', '干河陈街道', '大刘镇', '空冢郭镇'],
    roads: [
      '人民路',
      '五一路',
      '解放路',
      '交通路',
      '受降路',
      '滨河路',
      '黄山路',
      '太行山路',
      '建设路',
      '柳江路',
    ],
  },
  {
    name: '郾城区',
    streets: ['沙北街道', '城关镇', '孟庙镇', '商桥镇', '裴城镇', '新店镇', '龙城镇', '李集镇', '黑龙潭镇'],
    roads: [
      '黄河路',
      '淞江路',
      '海河路',
      '淮河路',
      '嵩山路',
      '泰山路',
      '长江路',
      '文化路',
      '牡丹江路',
      '金山路',
    ],
  },
  {
    name: '召陵区',
    streets: ['天桥街道', '翟庄街道', '东城街道', '召陵镇', '邓襄镇', '万金镇', '老窝镇', '青年镇'],
    roads: ['人民东路', '汾河路', '辽河路', '华山路', '燕山路', '黄河东路', '长江东路', '召陵大道'],
  },
  {
    name: '舞阳县',
    streets: [
      '舞泉镇',
      '吴城镇',
      '北舞渡镇',
      '莲花镇',
      '辛安镇',
      '孟寨镇',
      '太尉镇',
      '侯集镇',
      '文峰乡',
      '保和乡',
    ],
    roads: ['人民路', '解放路', '舞泉大道', '泰山路', '建设路', '文化路', '东环路'],
  },
  {
    name: '临颍县',
    streets: [
      '城关街道',
      '杜曲镇',
      '繁城回族镇',
      '王岗镇',
      '台陈镇',
      '巨陵镇',
      '瓦店镇',
      '三家店镇',
      '窝城镇',
      '固厢乡',
    ],
    roads: ['颍川大道', '人民路', '交通路', '新城路', '紫云路', '迎宾大道', '黄龙路'],
  },
  {
    name: '漯河经济技术开发区',
    streets: ['后谢镇', '姬石镇'],
    roads: ['燕山路', '衡山路', '湘江路', '珠江路', '漓江路', '峨眉山路', '泰山路'],
  },
  {
    name: '西城区',
    streets: ['阴阳赵镇', '问十乡'],
    roads: ['龙江路', '嵩山路', '太行山路', '衡山路', '黄山路', '滨河路'],
  },
];

/** The government that answers for each district (属地), by department code. */
export const DEMO_DISTRICT_DEPARTMENT: Record<string, string> = {
  源汇区: 'YHQ',
  郾城区: 'YCQ',
  召陵区: 'SLQ',
  舞阳县: 'WYX',
  临颍县: 'LYX',
  漯河经济技术开发区: 'JKQ',
  西城区: 'XCQ',
};

// ---------------------------------------------------------------------------------------------------------------
// Departments (承办单位). Contact names and numbers are fictional.
// ---------------------------------------------------------------------------------------------------------------

const m = (
  code: string,
  name: string,
  shortName: string,
  contactName: string,
  phone: string,
  parentCode?: string,
) =>
  ({
    code,
    name,
    shortName,
    kind: 'municipal',
    ...(parentCode ? { parentCode } : {}),
    contactName,
    contactPhone: `0395-555${phone}`,
  }) satisfies DemoDepartment;

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  // 市直部门
  m('FGW', '漯河市发展和改革委员会', '市发改委', '王科长', '0101'),
  m('JYJ', '漯河市教育局', '市教育局', '李科长', '0102'),
  m('KJJ', '漯河市科学技术局', '市科技局', '张科长', '0103'),
  m('GXJ', '漯河市工业和信息化局', '市工信局', '刘科长', '0104'),
  m('GAJ', '漯河市公安局', '市公安局', '陈科长', '0105'),
  m('JJZD', '漯河市公安局交通管理支队', '市交警支队', '杨科长', '0106', 'GAJ'),
  m('MZJ', '漯河市民政局', '市民政局', '赵科长', '0107'),
  m('SFJ', '漯河市司法局', '市司法局', '黄科长', '0108'),
  m('CZJ', '漯河市财政局', '市财政局', '周科长', '0109'),
  m('RSJ', '漯河市人力资源和社会保障局', '市人社局', '吴科长', '0110'),
  m('ZGJ', '漯河市自然资源和规划局', '市自然资源和规划局', '徐科长', '0111'),
  m('HBJ', '漯河市生态环境局', '市生态环境局', '孙科长', '0112'),
  m('ZJJ', '漯河市住房和城乡建设局', '市住建局', '胡科长', '0113'),
  m('CGJ', '漯河市城市管理局', '市城管局', '朱科长', '0114'),
  m('JTJ', '漯河市交通运输局', '市交通运输局', '高科长', '0115'),
  m('SLJ', '漯河市水利局', '市水利局', '林科长', '0116'),
  m('NYJ', '漯河市农业农村局', '市农业农村局', '何科长', '0117'),
  m('SWJ', '漯河市商务局', '市商务局', '郭科长', '0118'),
  m('WLJ', '漯河市文化广电和旅游局', '市文广旅局', '马科长', '0119'),
  m('WJW', '漯河市卫生健康委员会', '市卫健委', '罗科长', '0120'),
  m('TYJ', '漯河市退役军人事务局', '市退役军人局', '梁科长', '0121'),
  m('YJJ', '漯河市应急管理局', '市应急局', '宋科长', '0122'),
  m('SJJ', '漯河市市场监督管理局', '市市场监管局', '郑科长', '0123'),
  m('TYUJ', '漯河市体育局', '市体育局', '谢科长', '0124'),
  m('YBJ', '漯河市医疗保障局', '市医保局', '韩科长', '0125'),
  m('LSJ', '漯河市粮食和物资储备局', '市粮储局', '唐科长', '0126'),
  m('XFJ', '漯河市信访局', '市信访局', '冯科长', '0127'),
  m('ZWJ', '漯河市行政审批和政务信息管理局', '市行政审批局', '于科长', '0128'),
  m('RFB', '漯河市人民防空办公室', '市人防办', '董科长', '0129'),
  m('GJJ', '漯河市住房公积金管理中心', '市公积金中心', '程主任', '0130'),
  m('SWU', '国家税务总局漯河市税务局', '市税务局', '曹科长', '0131'),
  m('QXJ', '漯河市气象局', '市气象局', '袁科长', '0132'),
  m('YZJ', '漯河市邮政管理局', '市邮政管理局', '邓科长', '0133'),
  m('XFZD', '漯河市消防救援支队', '市消防救援支队', '许科长', '0134'),

  // 群团组织
  {
    code: 'CLH',
    name: '漯河市残疾人联合会',
    shortName: '市残联',
    kind: 'other',
    contactName: '傅主任',
    contactPhone: '0395-5550201',
  },
  {
    code: 'FL',
    name: '漯河市妇女联合会',
    shortName: '市妇联',
    kind: 'other',
    contactName: '沈主任',
    contactPhone: '0395-5550202',
  },
  {
    code: 'ZGH',
    name: '漯河市总工会',
    shortName: '市总工会',
    kind: 'other',
    contactName: '曾主任',
    contactPhone: '0395-5550203',
  },

  // 公用事业、通信和公交企业
  {
    code: 'GDGS',
    name: '国网河南省电力公司漯河供电公司',
    shortName: '国网漯河供电公司',
    kind: 'enterprise',
    contactName: '彭经理',
    contactPhone: '0395-5550301',
  },
  {
    code: 'SWJT',
    name: '漯河市水务集团有限公司',
    shortName: '市水务集团',
    kind: 'enterprise',
    contactName: '吕经理',
    contactPhone: '0395-5550302',
  },
  {
    code: 'ZYRQ',
    name: '漯河中裕燃气有限公司',
    shortName: '中裕燃气',
    kind: 'enterprise',
    contactName: '苏经理',
    contactPhone: '0395-5550303',
  },
  {
    code: 'RLGS',
    name: '漯河市城区热力有限公司',
    shortName: '市热力公司',
    kind: 'enterprise',
    contactName: '卢经理',
    contactPhone: '0395-5550304',
  },
  {
    code: 'GJGS',
    name: '漯河市公共交通有限公司',
    shortName: '市公交公司',
    kind: 'enterprise',
    contactName: '蒋经理',
    contactPhone: '0395-5550305',
  },
  {
    code: 'YDGS',
    name: '中国移动通信集团河南有限公司漯河分公司',
    shortName: '漯河移动',
    kind: 'enterprise',
    contactName: '蔡经理',
    contactPhone: '0395-5550306',
  },
  {
    code: 'LTGS',
    name: '中国联合网络通信有限公司漯河市分公司',
    shortName: '漯河联通',
    kind: 'enterprise',
    contactName: '贾经理',
    contactPhone: '0395-5550307',
  },
  {
    code: 'DXGS',
    name: '中国电信股份有限公司漯河分公司',
    shortName: '漯河电信',
    kind: 'enterprise',
    contactName: '丁经理',
    contactPhone: '0395-5550308',
  },

  // 县区政府和功能区管委会
  {
    code: 'YHQ',
    name: '源汇区人民政府',
    shortName: '源汇区',
    kind: 'district',
    contactName: '魏主任',
    contactPhone: '0395-5550401',
  },
  {
    code: 'YCQ',
    name: '郾城区人民政府',
    shortName: '郾城区',
    kind: 'district',
    contactName: '薛主任',
    contactPhone: '0395-5550402',
  },
  {
    code: 'SLQ',
    name: '召陵区人民政府',
    shortName: '召陵区',
    kind: 'district',
    contactName: '叶主任',
    contactPhone: '0395-5550403',
  },
  {
    code: 'WYX',
    name: '舞阳县人民政府',
    shortName: '舞阳县',
    kind: 'district',
    contactName: '阎主任',
    contactPhone: '0395-5550404',
  },
  {
    code: 'LYX',
    name: '临颍县人民政府',
    shortName: '临颍县',
    kind: 'district',
    contactName: '余主任',
    contactPhone: '0395-5550405',
  },
  {
    code: 'JKQ',
    name: '漯河经济技术开发区管理委员会',
    shortName: '经开区',
    kind: 'district',
    contactName: '潘主任',
    contactPhone: '0395-5550406',
  },
  {
    code: 'XCQ',
    name: '漯河市城乡一体化示范区（西城区）管理委员会',
    shortName: '西城区',
    kind: 'district',
    contactName: '杜主任',
    contactPhone: '0395-5550407',
  },

  // 街道办事处
  {
    code: 'YHLJ',
    name: '源汇区老街街道办事处',
    shortName: '老街街道',
    kind: 'township',
    parentCode: 'YHQ',
    contactName: '戴主任',
    contactPhone: '0395-5550501',
  },
  {
    code: 'YHMLJ',
    name: '源汇区马路街街道办事处',
    shortName: '马路街街道',
    kind: 'township',
    parentCode: 'YHQ',
    contactName: '夏主任',
    contactPhone: '0395-5550502',
  },
  {
    code: 'YHSHJ',
    name: '源汇区顺河街街道办事处',
    shortName: '顺河街街道',
    kind: 'township',
    parentCode: 'YHQ',
    contactName: '钟主任',
    contactPhone: '0395-5550503',
  },
  {
    code: 'YCSB',
    name: '郾城区沙北街道办事处',
    shortName: '沙北街道',
    kind: 'township',
    parentCode: 'YCQ',
    contactName: '汪主任',
    contactPhone: '0395-5550504',
  },
  {
    code: 'SLTQ',
    name: '召陵区天桥街道办事处',
    shortName: '天桥街道',
    kind: 'township',
    parentCode: 'SLQ',
    contactName: '田主任',
    contactPhone: '0395-5550505',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Dispatch catalogue (派单目录). Time limits in working days: inquiries 1–3, most matters 5, complex 10–15;
// urgent 1–2 (supply outages 1).
// ---------------------------------------------------------------------------------------------------------------

/** A leaf: lead department, normal and urgent time limits. */
const leaf = (
  code: string,
  name: string,
  departmentCode: string,
  timeLimitDays: number,
  urgentTimeLimitDays: number,
) => ({ code, name, departmentCode, timeLimitDays, urgentTimeLimitDays }) satisfies DemoCategory;

export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    code: 'CXJS',
    name: '城乡建设',
    departmentCode: 'ZJJ',
    children: [
      leaf('CXJS.WYGL', '物业管理', 'ZJJ', 5, 2),
      leaf('CXJS.FWZL', '房屋质量', 'ZJJ', 10, 2),
      leaf('CXJS.WZJZ', '违章建筑', 'CGJ', 15, 2),
      leaf('CXJS.LJXQ', '老旧小区改造', 'ZJJ', 10, 3),
      leaf('CXJS.FCZ', '房产证办理', 'ZJJ', 10, 3),
      leaf('CXJS.SPFJF', '商品房交付', 'ZJJ', 10, 3),
      leaf('CXJS.ZFBZ', '住房保障', 'ZJJ', 5, 2),
      leaf('CXJS.JZSG', '建筑施工扰民', 'ZJJ', 3, 1),
      leaf('CXJS.JZDT', '既有住宅加装电梯', 'ZJJ', 10, 3),
      leaf('CXJS.WXZJ', '住宅专项维修资金', 'ZJJ', 5, 2),
    ],
  },
  {
    code: 'CSGL',
    name: '城市管理',
    departmentCode: 'CGJ',
    children: [
      leaf('CSGL.ZDJY', '占道经营', 'CGJ', 3, 1),
      leaf('CSGL.LD', '路灯', 'CGJ', 3, 1),
      leaf('CSGL.ZYRM', '噪音扰民（商业经营）', 'CGJ', 3, 1),
      leaf('CSGL.LJQY', '垃圾清运', 'CGJ', 3, 1),
      leaf('CSGL.JGQS', '井盖缺失', 'CGJ', 2, 1),
      leaf('CSGL.SZDL', '市政道路设施', 'CGJ', 5, 2),
      leaf('CSGL.PSGW', '排水与污水外溢', 'CGJ', 3, 1),
      leaf('CSGL.YLLH', '园林绿化', 'CGJ', 5, 2),
      leaf('CSGL.HWGG', '户外广告与小广告', 'CGJ', 5, 2),
      leaf('CSGL.FJDC', '非机动车乱停放', 'CGJ', 3, 1),
      leaf('CSGL.GC', '公共厕所', 'CGJ', 3, 1),
    ],
  },
  {
    code: 'LDSB',
    name: '劳动和社会保障',
    departmentCode: 'RSJ',
    children: [
      leaf('LDSB.TQGZ', '拖欠工资', 'RSJ', 10, 2),
      leaf('LDSB.SBJN', '社保缴纳', 'RSJ', 5, 2),
      leaf('LDSB.YLJ', '养老金', 'RSJ', 5, 2),
      leaf('LDSB.SYBX', '失业保险', 'RSJ', 3, 1),
      leaf('LDSB.JYCY', '就业创业', 'RSJ', 3, 1),
      leaf('LDSB.LDHT', '劳动合同纠纷', 'RSJ', 10, 2),
      leaf('LDSB.GSRD', '工伤认定', 'RSJ', 10, 3),
      leaf('LDSB.ZYJN', '职业技能与职称', 'RSJ', 3, 1),
    ],
  },
  {
    code: 'YLWS',
    name: '医疗卫生',
    departmentCode: 'WJW',
    children: [
      leaf('YLWS.YBBX', '医保报销', 'YBJ', 5, 2),
      leaf('YLWS.YBCB', '医保参保缴费', 'YBJ', 3, 1),
      leaf('YLWS.YLJF', '医疗纠纷', 'WJW', 10, 2),
      leaf('YLWS.YMJZ', '疫苗接种', 'WJW', 3, 1),
      leaf('YLWS.YYFW', '医院服务', 'WJW', 5, 2),
      leaf('YLWS.FFXY', '非法行医', 'WJW', 10, 2),
      leaf('YLWS.FYBJ', '出生医学证明与妇幼保健', 'WJW', 3, 1),
    ],
  },
  {
    code: 'JY',
    name: '教育',
    departmentCode: 'JYJ',
    children: [
      leaf('JY.RXZS', '入学招生', 'JYJ', 3, 1),
      leaf('JY.XWPX', '校外培训', 'JYJ', 5, 2),
      leaf('JY.JSSD', '教师师德', 'JYJ', 10, 2),
      leaf('JY.XSZZ', '学生资助', 'JYJ', 3, 1),
      leaf('JY.XXSF', '学校收费', 'JYJ', 5, 2),
      leaf('JY.XYAQ', '校园安全与食堂', 'JYJ', 3, 1),
    ],
  },
  {
    code: 'JTYS',
    name: '交通运输',
    departmentCode: 'JTJ',
    children: [
      leaf('JTYS.GJXL', '公交线路', 'GJGS', 5, 2),
      leaf('JTYS.GJFW', '公交服务', 'GJGS', 3, 1),
      leaf('JTYS.CZC', '出租车网约车', 'JTJ', 5, 2),
      leaf('JTYS.DLPS', '道路破损（公路）', 'JTJ', 5, 2),
      leaf('JTYS.JTXH', '交通信号', 'JJZD', 3, 1),
      leaf('JTYS.KYCL', '客运与城乡公交', 'JTJ', 5, 2),
    ],
  },
  {
    code: 'HJBH',
    name: '环境保护',
    departmentCode: 'HBJ',
    children: [
      leaf('HJBH.DQWR', '大气污染', 'HBJ', 5, 1),
      leaf('HJBH.SWR', '水污染', 'HBJ', 5, 1),
      leaf('HJBH.GYZS', '噪声污染（工业）', 'HBJ', 5, 2),
      leaf('HJBH.CYYY', '餐饮油烟', 'CGJ', 5, 2),
      leaf('HJBH.GTFW', '固体废物', 'HBJ', 10, 2),
      leaf('HJBH.GDYC', '工地扬尘', 'ZJJ', 3, 1),
    ],
  },
  {
    code: 'SCJG',
    name: '市场监管',
    departmentCode: 'SJJ',
    children: [
      leaf('SCJG.SPAQ', '食品安全', 'SJJ', 5, 1),
      leaf('SCJG.JGTS', '价格投诉', 'SJJ', 5, 2),
      leaf('SCJG.XFWQ', '消费维权', 'SJJ', 5, 2),
      leaf('SCJG.YFK', '预付卡', 'SJJ', 5, 2),
      leaf('SCJG.TZSB', '电梯等特种设备', 'SJJ', 2, 1),
      leaf('SCJG.YPAQ', '药品安全', 'SJJ', 5, 1),
      leaf('SCJG.JL', '计量与缺斤少两', 'SJJ', 3, 1),
      leaf('SCJG.WZJY', '无照经营与商标侵权', 'SJJ', 5, 2),
    ],
  },
  {
    code: 'GYSY',
    name: '公用事业',
    children: [
      leaf('GYSY.TS', '停水', 'SWJT', 2, 1),
      leaf('GYSY.SZSY', '水质水压', 'SWJT', 3, 1),
      leaf('GYSY.TD', '停电', 'GDGS', 2, 1),
      leaf('GYSY.YDFW', '用电服务', 'GDGS', 3, 1),
      leaf('GYSY.RQ', '燃气', 'ZYRQ', 2, 1),
      leaf('GYSY.GN', '供暖', 'RLGS', 3, 1),
      leaf('GYSY.TXYD', '通信（移动）', 'YDGS', 3, 1),
      leaf('GYSY.TXLT', '通信（联通）', 'LTGS', 3, 1),
      leaf('GYSY.TXDX', '通信（电信）', 'DXGS', 3, 1),
      leaf('GYSY.YZKD', '邮政快递', 'YZJ', 5, 2),
    ],
  },
  {
    code: 'GA',
    name: '公安',
    departmentCode: 'GAJ',
    children: [
      leaf('GA.HJ', '户籍', 'GAJ', 3, 1),
      leaf('GA.CRJ', '出入境', 'GAJ', 3, 1),
      leaf('GA.JTWF', '交通违法', 'JJZD', 5, 2),
      leaf('GA.CJG', '车驾管业务', 'JJZD', 3, 1),
      leaf('GA.SHZS', '社会生活噪声', 'GAJ', 3, 1),
      leaf('GA.YQGL', '养犬管理', 'GAJ', 5, 2),
    ],
  },
  {
    code: 'MZ',
    name: '民政',
    departmentCode: 'MZJ',
    children: [
      leaf('MZ.DB', '低保', 'MZJ', 10, 2),
      leaf('MZ.YLFW', '养老服务', 'MZJ', 5, 2),
      leaf('MZ.HYDJ', '婚姻登记', 'MZJ', 3, 1),
      leaf('MZ.GLJT', '高龄津贴', 'MZJ', 5, 2),
      leaf('MZ.BZGL', '殡葬管理', 'MZJ', 5, 2),
      leaf('MZ.LSJZ', '临时救助', 'MZJ', 5, 1),
    ],
  },
  {
    code: 'ZRZY',
    name: '自然资源',
    departmentCode: 'ZGJ',
    children: [
      leaf('ZRZY.TDZS', '土地征收', 'ZGJ', 15, 3),
      leaf('ZRZY.BDCDJ', '不动产登记', 'ZGJ', 5, 2),
      leaf('ZRZY.WFZD', '违法占地', 'ZGJ', 15, 3),
      leaf('ZRZY.GHGL', '规划管理', 'ZGJ', 10, 3),
    ],
  },
  {
    code: 'NYNC',
    name: '农业农村',
    departmentCode: 'NYJ',
    children: [
      leaf('NYNC.NZZL', '农资质量', 'NYJ', 5, 2),
      leaf('NYNC.HNBT', '惠农补贴', 'NYJ', 5, 2),
      leaf('NYNC.TDCB', '土地承包经营', 'NYJ', 10, 3),
      leaf('NYNC.XQYZ', '畜禽养殖', 'NYJ', 5, 1),
      leaf('NYNC.RJHJ', '农村人居环境', 'NYJ', 5, 2),
    ],
  },
  {
    code: 'SL',
    name: '水利',
    departmentCode: 'SLJ',
    children: [
      leaf('SL.HDGL', '河道管理', 'SLJ', 5, 2),
      leaf('SL.NCYS', '农村饮水', 'SLJ', 3, 1),
      leaf('SL.FXPL', '防汛排涝', 'SLJ', 2, 1),
    ],
  },
  {
    code: 'SW',
    name: '商务',
    departmentCode: 'SWJ',
    children: [
      leaf('SW.SCCS', '商场超市', 'SWJ', 5, 2),
      leaf('SW.BFCL', '报废机动车回收', 'SWJ', 5, 2),
      leaf('SW.CXF', '促消费活动', 'SWJ', 3, 1),
    ],
  },
  {
    code: 'WL',
    name: '文化旅游体育',
    departmentCode: 'WLJ',
    children: [
      leaf('WL.LYTS', '旅游投诉', 'WLJ', 5, 2),
      leaf('WL.WHSC', '文化娱乐场所', 'WLJ', 5, 2),
      leaf('WL.GGWH', '公共文化服务', 'WLJ', 5, 2),
      leaf('WL.WWBH', '文物保护', 'WLJ', 10, 2),
      leaf('WL.QMJS', '全民健身', 'TYUJ', 5, 2),
    ],
  },
  {
    code: 'YJ',
    name: '应急管理',
    departmentCode: 'YJJ',
    children: [
      leaf('YJ.AQSC', '安全生产', 'YJJ', 3, 1),
      leaf('YJ.WHP', '危险化学品', 'YJJ', 3, 1),
      leaf('YJ.XFAQ', '消防安全', 'XFZD', 3, 1),
      leaf('YJ.ZHJZ', '自然灾害救助', 'YJJ', 5, 1),
    ],
  },
  {
    code: 'SS',
    name: '税务',
    departmentCode: 'SWU',
    children: [
      leaf('SS.FP', '发票', 'SWU', 3, 1),
      leaf('SS.GS', '个人所得税', 'SWU', 3, 1),
      leaf('SS.SSJB', '涉税举报', 'SWU', 15, 3),
    ],
  },
  {
    code: 'ZFGJJ',
    name: '住房公积金',
    departmentCode: 'GJJ',
    children: [
      leaf('ZFGJJ.TQ', '公积金提取', 'GJJ', 3, 1),
      leaf('ZFGJJ.DK', '公积金贷款', 'GJJ', 5, 2),
      leaf('ZFGJJ.JC', '公积金缴存', 'GJJ', 5, 2),
    ],
  },
  {
    code: 'TYJR',
    name: '退役军人',
    departmentCode: 'TYJ',
    children: [leaf('TYJR.YFDY', '优抚待遇', 'TYJ', 5, 2), leaf('TYJR.AZJY', '安置就业', 'TYJ', 10, 2)],
  },
  {
    code: 'CJR',
    name: '残疾人',
    departmentCode: 'CLH',
    children: [
      leaf('CJR.CJZ', '残疾证办理', 'CLH', 3, 1),
      leaf('CJR.BTKF', '残疾人补贴与康复', 'CLH', 5, 2),
      leaf('CJR.WZA', '无障碍设施', 'ZJJ', 10, 3),
    ],
  },
  {
    code: 'JJFZ',
    name: '经济发展与营商环境',
    departmentCode: 'FGW',
    children: [
      leaf('JJFZ.YSHJ', '营商环境', 'FGW', 5, 2),
      leaf('JJFZ.HQZC', '惠企政策', 'GXJ', 3, 1),
      leaf('JJFZ.KJXM', '科技项目', 'KJJ', 3, 1),
      leaf('JJFZ.CZZJ', '财政资金', 'CZJ', 5, 2),
      leaf('JJFZ.LSSG', '粮食收购', 'LSJ', 5, 2),
    ],
  },
  {
    code: 'ZHFW',
    name: '政务服务与综合',
    departmentCode: 'ZWJ',
    children: [
      leaf('ZHFW.ZWFW', '政务服务', 'ZWJ', 3, 1),
      leaf('ZHFW.XFSX', '信访事项', 'XFJ', 5, 2),
      leaf('ZHFW.FLYZ', '法律援助与人民调解', 'SFJ', 5, 2),
      leaf('ZHFW.FNQY', '妇女儿童权益', 'FL', 5, 1),
      leaf('ZHFW.ZGWQ', '职工维权', 'ZGH', 5, 2),
      leaf('ZHFW.QXFW', '气象服务', 'QXJ', 3, 1),
      leaf('ZHFW.RFGC', '人防工程', 'RFB', 5, 2),
    ],
  },
];

/** Every leaf of a catalogue, depth first, with its path of names from the root. */
export function demoCategoryLeaves(
  tree: DemoCategory[] = DEMO_CATEGORIES,
  path: string[] = [],
): { category: DemoCategory; path: string[] }[] {
  return tree.flatMap((c) =>
    c.children && c.children.length > 0
      ? demoCategoryLeaves(c.children, [...path, c.name])
      : [{ category: c, path: [...path, c.name] }],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Material a generator fills the templates with. All fictional.
// ---------------------------------------------------------------------------------------------------------------

/** 小区 names, without the word 小区 (templates write "{community}小区"). */
export const DEMO_COMMUNITIES: string[] = [
  '沙澧春天',
  '澧河花园',
  '滨河新城',
  '阳光名苑',
  '金色港湾',
  '书香门第',
  '龙湖名邸',
  '幸福家园',
  '和平里',
  '交通路家属院',
  '康居苑',
  '翡翠城',
  '祥和苑',
  '御景湾',
  '锦绣华庭',
  '万和城',
  '盛世华府',
  '明珠花园',
  '丽景嘉园',
  '东方名城',
  '颍川佳苑',
  '许慎花园',
  '福润华庭',
  '昌盛苑',
  '泰和家园',
  '湘江名苑',
  '淞江一品',
  '嵩山佳苑',
  '长江花园',
  '金桥新村',
];

/** Company and shop names, usable wherever a template names a business (employer, shop, developer, operator). */
export const DEMO_COMPANIES: string[] = [
  '漯河鑫源物业服务有限公司',
  '漯河市恒达建筑工程有限公司',
  '漯河润丰食品有限公司',
  '漯河市金盛商贸有限公司',
  '漯河宏远置业有限公司',
  '漯河市顺通汽车销售服务有限公司',
  '漯河市华美装饰工程有限公司',
  '漯河天成化工有限公司',
  '漯河市佳禾农业科技有限公司',
  '漯河市博文教育咨询有限公司',
  '漯河市众邦人力资源有限公司',
  '沙澧人家餐饮店',
  '惠民购物广场',
  '悦动健身会所',
  '福满多生活超市',
];

// prettier-ignore
export const DEMO_SURNAMES: string[] = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴',
  '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
  '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '苏',
  '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕',
];

// prettier-ignore
export const DEMO_GIVEN_NAMES: string[] = [
  '伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军',
  '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞',
  '平', '刚', '桂英', '建华', '建国', '国强', '志强', '丽娟', '海燕', '红梅',
  '玉兰', '春梅', '晓明', '晓燕', '文博', '子涵', '雨萱', '浩然', '思远', '欣怡',
  '梓轩', '一鸣', '佳怡', '俊杰', '宇航', '凤英', '淑珍', '德胜', '保国', '永福',
  '金花', '书芳', '卫东', '红旗', '新民', '振华', '爱华', '雪梅', '宏伟', '慧敏',
];

// ---------------------------------------------------------------------------------------------------------------
// Department replies and return reasons.
// ---------------------------------------------------------------------------------------------------------------

export const DEMO_REPLY_TEMPLATES: string[] = [
  '经核实，来电人反映情况属实。我单位已于接单当日安排工作人员到现场处置，目前问题已整改完毕，并已电话告知来电人，来电人表示认可。',
  '接到工单后，我单位立即组织执法人员前往现场核查，对涉事商户进行了批评教育并责令限期整改，复查时已整改到位，今后将加强日常巡查。',
  '经调查，该单位存在未按规定为员工缴纳社会保险的问题，我局已下达责令改正通知书，单位已承诺于本月底前补缴，我局将跟踪督促落实。',
  '经核实，来电人所反映问题涉及历史遗留原因，情况较为复杂。我单位已会同属地街道召开协调会，制定了解决方案，预计两个月内完成整改，期间将及时向来电人通报进展。',
  '已与来电人电话联系，就其咨询的政策进行了详细解答，告知了办理条件、所需材料和办理地点，来电人表示清楚，无其他诉求。',
  '经现场查看，该路段井盖缺失属实。我单位已于接单当日补装新井盖并设置警示标志，安全隐患已消除。',
  '经查，来电人反映的拖欠工资问题属实。在我局协调下，用工单位已将拖欠的工资全部支付到位，来电人已确认收到。',
  '经核实，来电人所反映问题不属实。工作人员现场检查未发现相关违法违规行为，已将核查情况向来电人作了解释说明，我单位将持续关注。',
  '该问题属于民事纠纷。我单位已组织双方进行调解，但双方未能达成一致，已告知来电人可通过人民法院诉讼途径解决。',
  '经核实，停水系供水管道突发爆裂所致，抢修人员已连夜完成管道修复，于次日凌晨恢复正常供水，对给居民带来的不便深表歉意。',
  '我单位已对涉事商家进行约谈，商家同意为消费者办理退款，双方已达成和解，来电人对处理结果表示满意。',
  '经查，该小区已纳入本年度老旧小区改造计划，目前正在进行设计和招标工作，预计下半年开工建设，届时将在小区公示具体施工安排。',
  '接诉后，我局执法人员对涉事企业进行了突击检查，现场监测显示污染物排放超标，已依法立案查处并责令停产整改，整改验收合格前不得恢复生产。',
  '经核实，来电人的待遇资格审核已通过，因系统数据更新延迟导致发放推迟，目前已补发到账，请来电人注意查收。',
  '感谢来电人对我单位工作的肯定，我们已将表扬转达给相关工作人员，今后将继续提升服务质量。',
];

export const DEMO_RETURN_REASONS: DemoReturnReason[] = [
  {
    code: 'not_our_duty',
    reason: '该事项不属于我单位职责范围，按照部门“三定”方案应由其他部门负责，请重新派发。',
  },
  {
    code: 'not_our_duty',
    reason: '所反映的物业服务纠纷属于业主与物业公司之间的民事合同纠纷，建议由属地街道办事处和社区协调处理。',
  },
  {
    code: 'wrong_category',
    reason: '工单分类有误：所反映的是商业经营噪音，并非工业噪声，应按“城市管理-噪音扰民”派发。',
  },
  {
    code: 'wrong_category',
    reason:
      '来电人反映的是国道路面破损，工单按“市政道路设施”派发至城管部门有误，应按“道路破损（公路）”派发。',
  },
  {
    code: 'out_of_jurisdiction',
    reason: '事发地点位于舞阳县辖区，不在本区管辖范围，请转舞阳县人民政府办理。',
  },
  {
    code: 'out_of_jurisdiction',
    reason: '所反映企业的注册地和经营地均在外市，超出本市管辖范围，建议来电人向当地12345热线反映。',
  },
  {
    code: 'insufficient_info',
    reason: '工单未提供具体地址，按所留电话联系来电人多次无法接通，无法核实办理，请补充信息后重新派发。',
  },
  {
    code: 'insufficient_info',
    reason: '工单未写明涉事商户名称及具体位置，工作人员现场无法找到，请回访来电人补充后再派。',
  },
  {
    code: 'duplicate',
    reason: '该诉求与我单位正在办理的工单为同一事项，请按重复工单合并办理。',
  },
  {
    code: 'other',
    reason: '该事项已进入司法程序，依法应由人民法院审理，不宜通过热线交办渠道处理。',
  },
];

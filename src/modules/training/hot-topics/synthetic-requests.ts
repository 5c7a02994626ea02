/**
 * Synthetic request streams for the hot-topic tests: a month of everyday background requests (many
 * matters, places and callers, each matter a few times a week at most), into which a test mixes a
 * burst or a steady daily complaint. Deterministic for a seed.
 */
import { createRandom, type Random } from '../../../platform/random.ts';
import type { HotTopicInput } from './model.ts';

const HOUR_MS = 3_600_000;
const DISTRICTS = ['源汇区', '郾城区', '召陵区', '舞阳县', '临颍县'];
const ESTATES = [
  '阳光花园',
  '金桥名苑',
  '翠湖雅居',
  '建业森林半岛',
  '昌建城',
  '鑫源小区',
  '颐和苑',
  '锦绣江南',
];
const ROADS = ['人民路', '黄河路', '嵩山路', '太行山路', '交通路', '长江路', '泰山路', '滨河路'];
const COMPANIES = ['宏达建材', '明远物流', '新世纪超市', '恒通电子', '瑞丰食品'];

/** Background matters: [category, title template, body template]; {e} estate, {r} road, {c} company. */
const MATTERS: readonly (readonly [string, string, string])[] = [
  [
    '城乡建设',
    '{e}小区物业乱收停车费',
    '物业公司每月多收停车管理费，没有任何收费依据，业主多次询问无人答复。',
  ],
  ['城乡建设', '{e}小区电梯经常故障', '电梯一个月坏了三次，老人上下楼很困难，维保单位敷衍了事。'],
  ['城乡建设', '{r}路灯不亮', '{r}一段路灯晚上全部不亮，行人和电动车很危险。'],
  ['城乡建设', '{r}下水道堵塞污水外溢', '雨后{r}下水道堵塞，污水漫到人行道上，气味难闻。'],
  ['环境保护', '{e}附近工地夜间施工噪音', '{e}旁边的工地每天晚上十一点以后还在打桩，吵得无法入睡。'],
  ['环境保护', '{r}餐馆油烟直排', '{r}几家餐馆没有安装油烟净化器，油烟直接排进居民楼。'],
  ['劳动和社会保障', '{c}拖欠工资', '我在{c}上班，公司已经拖欠三个月工资，老板一直推脱。'],
  ['劳动和社会保障', '咨询灵活就业养老保险缴费', '灵活就业人员养老保险每年最低缴费多少，在哪里办理？'],
  ['卫生计生', '咨询新生儿医保办理', '孩子刚出生，新生儿医保在哪里办理，需要带什么材料？'],
  ['教育文体', '{e}适龄儿童入学划片', '今年{e}划到哪个小学，户口和房产证不在同一个人名下能否入学？'],
  ['交通运输', '{r}公交站台破损', '{r}公交站台顶棚破了，下雨天等车的人都淋湿了。'],
  ['交通运输', '{r}红绿灯时间太短', '{r}路口行人绿灯只有十几秒，老人过马路来不及。'],
  ['商贸旅游', '{c}售卖过期食品', '在{c}买到过期的牛奶，店家拒绝退换。'],
  ['城乡建设', '{e}小区绿化带被占用种菜', '{e}有住户把公共绿化带圈起来种菜，物业不管。'],
];

export interface BackgroundOptions {
  /** End of the stream; requests fall in the `days` before it. */
  end: Date;
  days: number;
  perDay: number;
  seed?: number;
}

export function generateBackground(options: BackgroundOptions): HotTopicInput[] {
  const random = createRandom(options.seed ?? 11);
  const count = options.days * options.perDay;
  const span = options.days * 24 * HOUR_MS;
  return Array.from({ length: count }, (_, i) => {
    const [category, title, body] = random.pick(MATTERS);
    const fill = fillSlots(random);
    return {
      id: `bg-${i}`,
      at: new Date(options.end.getTime() - 1 - Math.floor(random.next() * span)),
      title: fill(title),
      content: `您好，${fill(body)}希望有关部门尽快处理。`,
      category,
      district: random.pick(DISTRICTS),
      caller: `bg-caller-${i}`,
    };
  });
}

function fillSlots(random: Random): (template: string) => string {
  const e = random.pick(ESTATES);
  const r = random.pick(ROADS);
  const c = random.pick(COMPANIES);
  return (template) => template.replaceAll('{e}', e).replaceAll('{r}', r).replaceAll('{c}', c);
}

const OUTAGE_TITLES = [
  '{e}小区突然停水',
  '{e}停水一天了没有通知',
  '{d}{e}小区停水什么时候恢复',
  '{e}小区大面积停水',
  '反映{e}停水问题',
  '{e}从昨天开始停水',
  '{e}小区停水无人答复',
  '{e}停水影响生活',
];

const OUTAGE_BODIES = [
  '{e}小区从昨天早上开始停水，自来水公司没有提前通知，家里老人孩子没法做饭。',
  '我们{e}整个小区都停水了，打电话给供水公司一直占线，什么时候能来水？',
  '{e}停水已经超过二十小时，物业说是主管道爆裂，请督促供水公司尽快抢修。',
  '{e}小区停水，没有任何停水公告，居民只能去外面买桶装水。',
];

export interface BurstOptions {
  idPrefix: string;
  estate: string;
  district: string;
  /** The burst's requests are spread over the `hours` before `end`. */
  end: Date;
  hours: number;
  count: number;
  seed?: number;
}

/** A sudden water outage (停水) in one estate: `count` people within a few hours or days. */
export function generateOutageBurst(options: BurstOptions): HotTopicInput[] {
  const random = createRandom(options.seed ?? 23);
  const fill = (t: string) => t.replaceAll('{e}', options.estate).replaceAll('{d}', options.district);
  return Array.from({ length: options.count }, (_, i) => ({
    id: `${options.idPrefix}-${i}`,
    at: new Date(options.end.getTime() - 1 - Math.floor(random.next() * options.hours * HOUR_MS)),
    title: fill(OUTAGE_TITLES[i % OUTAGE_TITLES.length]!),
    content: fill(random.pick(OUTAGE_BODIES)),
    category: '城乡建设',
    district: options.district,
    caller: `${options.idPrefix}-caller-${i}`,
    weight: 1 + random.int(0, 3),
  }));
}

const NIGHT_MARKET = [
  ['黄河路夜市烧烤油烟扰民', '黄河路夜市的烧烤摊每天营业到凌晨，油烟和噪音让沿街居民无法休息。'],
  ['黄河路夜市噪音油烟严重', '每天晚上黄河路夜市烧烤摊油烟很大，窗户都不敢开，希望城管管理。'],
  ['投诉黄河路夜市烧烤摊', '黄河路夜市烧烤摊占道经营，油烟噪音扰民，多次反映没有效果。'],
] as const;

/** The same complaint (黄河路夜市 in 郾城区) from `perDay` different people every day: steady, not new. */
export function generateSteadyComplaint(options: {
  end: Date;
  days: number;
  perDay: number;
}): HotTopicInput[] {
  const random = createRandom(31);
  const requests: HotTopicInput[] = [];
  for (let day = 0; day < options.days; day++) {
    for (let k = 0; k < options.perDay; k++) {
      const [title, content] = NIGHT_MARKET[(day + k) % NIGHT_MARKET.length]!;
      const n = requests.length;
      requests.push({
        id: `steady-${n}`,
        at: new Date(
          options.end.getTime() - day * 24 * HOUR_MS - 1 - Math.floor(random.next() * 20 * HOUR_MS),
        ),
        title,
        content,
        category: '环境保护',
        district: '郾城区',
        caller: `steady-caller-${n}`,
      });
    }
  }
  return requests;
}

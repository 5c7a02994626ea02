/**
 * Citizen requests for the demo city, as a 12345 agent registers them, keyed by leaf category code of
 * DEMO_CATEGORIES (city-data.ts). Every text is FICTIONAL: made up to look like what a prefecture city's hotline
 * receives; any resemblance to a real person, business or case is accidental.
 *
 * Placeholders a generator fills: {district} (e.g. 源汇区), {street} (a 街道 or 乡镇 of that district), {road},
 * {community} (a 小区 name without the word 小区) and {company} (a business name). Nothing else in braces.
 *
 * One template per line on purpose (a table of data), hence prettier-ignore.
 */

/** 诉求类型: 咨询 求助 投诉 举报 建议 表扬 其他 (the order model's ORDER_TYPES). */
export type DemoRequestType = 'inquiry' | 'help' | 'complaint' | 'report' | 'suggestion' | 'praise' | 'other';

export interface DemoRequestTemplate {
  type: DemoRequestType;
  /** Short title as the agent writes it (≤ 100 characters). */
  title: string;
  /** The registered content, 40–150 characters before the placeholders are filled. */
  content: string;
}

// prettier-ignore
export const DEMO_REQUEST_TEMPLATES: Record<string, DemoRequestTemplate[]> = {
  // ---- 城乡建设 ----
  'CXJS.WYGL': [
    { type: 'complaint', title: '物业服务不到位', content: '市民来电反映：{district}{street}{community}小区物业近三个月不打扫楼道，单元门禁损坏长期无人维修，业主多次找物业未果。诉求：督促物业履行服务合同，尽快整改。' },
    { type: 'complaint', title: '物业擅自上调物业费', content: '市民来电反映：{community}小区物业未经业主大会同意，从本月起将物业费由每平方米0.8元上调至1.2元，并以停水停电相威胁催缴。诉求：相关部门核实物业收费是否合规。' },
    { type: 'inquiry', title: '咨询成立业主委员会流程', content: '市民来电咨询：{district}{community}小区交付已满三年，尚未成立业主委员会，想了解成立业委会需要哪些条件、向哪个部门申请。诉求：请相关部门给予答复。' },
  ],
  'CXJS.FWZL': [
    { type: 'complaint', title: '新房墙体开裂渗水', content: '市民来电反映：其去年购买{district}{road}{community}小区住房，交房不到一年，卧室墙体出现多处裂缝，雨天外墙渗水严重，开发商{company}一直推诿不予维修。诉求：督促开发商履行保修责任。' },
    { type: 'help', title: '楼顶防水层破损漏雨', content: '市民来电反映：{community}小区8号楼顶层住户家中每逢下雨天花板漏水，已影响正常居住，物业称需动用维修资金，迟迟未处理。诉求：协调尽快维修楼顶防水。' },
  ],
  'CXJS.WZJZ': [
    { type: 'report', title: '小区业主楼顶私搭乱建', content: '市民来电举报：{district}{street}{community}小区某业主近日在楼顶私自搭建彩钢板房，施工噪音大，且存在安全隐患，物业劝阻无效。诉求：相关部门核实并依法拆除违建。' },
    { type: 'report', title: '沿街商户违规扩建', content: '市民来电举报：{district}{road}一商户在门前公共绿地上违规扩建砖混结构房屋约30平方米，占用人行通道。诉求：执法部门尽快查处。' },
    { type: 'complaint', title: '一楼住户圈占公共绿地', content: '市民来电反映：{community}小区一楼住户私自拆除围栏，将楼前公共绿地圈为自家院子并搭建雨棚，多次向物业反映未处理。诉求：依法拆除，恢复绿地。' },
  ],
  'CXJS.LJXQ': [
    { type: 'suggestion', title: '建议将小区纳入老旧小区改造', content: '市民来电建议：{district}{street}{community}小区建于上世纪九十年代，管网老化、道路坑洼、无停车位，居民改造意愿强烈。诉求：建议将该小区纳入今年老旧小区改造计划。' },
    { type: 'complaint', title: '老旧小区改造施工进度缓慢', content: '市民来电反映：{community}小区老旧小区改造工程开工已近半年，道路挖开后长期未恢复，雨天泥泞，老人出行不便。诉求：督促施工单位{company}加快施工进度。' },
  ],
  'CXJS.FCZ': [
    { type: 'help', title: '交房多年无法办理房产证', content: '市民来电反映：其所购{district}{community}小区住房已交付五年，开发商{company}以土地手续未完善为由至今无法办理不动产权证，影响孩子上学。诉求：协调开发商尽快办证。' },
    { type: 'inquiry', title: '咨询逾期办证问题如何处理', content: '市民来电咨询：其购买的商品房合同约定交房后两年内办理房产证，现已逾期一年仍未办理，想了解应向哪个部门反映、能否追究开发商违约责任。' },
  ],
  'CXJS.SPFJF': [
    { type: 'complaint', title: '楼盘逾期交房', content: '市民来电反映：{district}{road}{community}项目合同约定去年12月交房，至今仍未竣工验收，开发商{company}多次延期且未给出明确时间。诉求：督促开发商尽快交房并支付违约金。' },
    { type: 'help', title: '楼盘停工业主担忧烂尾', content: '市民来电反映：{community}项目已停工三个多月，工地无人施工，业主一直按期还贷，担心楼盘烂尾。诉求：请住建部门介入了解情况，保障业主按期收房。' },
  ],
  'CXJS.ZFBZ': [
    { type: 'inquiry', title: '咨询公租房申请条件', content: '市民来电咨询：本人为{district}户籍，家庭人均收入较低，目前租房居住，想了解申请公共租赁住房需要满足哪些条件、准备哪些材料、到哪里办理。' },
    { type: 'complaint', title: '公租房申请长期无结果', content: '市民来电反映：其去年已提交公租房申请并通过{street}初审，至今未收到任何分配通知，询问也无明确答复。诉求：相关部门核实审核进度并给予答复。' },
  ],
  'CXJS.JZSG': [
    { type: 'complaint', title: '工地夜间施工扰民', content: '市民来电反映：{district}{road}一处建筑工地连续多日夜间11点后仍在浇筑混凝土，噪音很大，严重影响周边{community}小区居民休息。诉求：制止夜间违规施工。' },
    { type: 'complaint', title: '施工车辆带泥上路', content: '市民来电反映：{road}一在建项目出入口未设置冲洗设施，渣土车进出带泥上路，路面脏乱，晴天尘土飞扬。诉求：督促施工单位{company}整改。' },
  ],
  'CXJS.JZDT': [
    { type: 'inquiry', title: '咨询老旧住宅加装电梯政策', content: '市民来电咨询：{community}小区为六层无电梯住宅，老人上下楼困难，想了解既有住宅加装电梯需要多少业主同意、有无财政补贴、到哪个部门申请。' },
    { type: 'help', title: '加装电梯因低层住户反对受阻', content: '市民来电反映：{community}小区3号楼一单元多数业主同意加装电梯并已筹集资金，但一楼住户以影响采光为由强烈反对，导致无法推进。诉求：请相关部门协调。' },
  ],
  'CXJS.WXZJ': [
    { type: 'inquiry', title: '咨询维修资金使用流程', content: '市民来电咨询：{district}{community}小区外墙保温层脱落需要维修，想了解申请使用住宅专项维修资金的流程、需要多少业主签字同意。' },
    { type: 'complaint', title: '物业挪用维修资金', content: '市民来电反映：{community}小区物业以维修电梯为名申请使用了专项维修资金，但电梯至今仍频繁故障，业主要求公开资金使用明细被拒。诉求：核查资金使用情况。' },
  ],

  // ---- 城市管理 ----
  'CSGL.ZDJY': [
    { type: 'complaint', title: '流动摊贩占道经营', content: '市民来电反映：{district}{road}{community}小区门口每天傍晚有大量流动摊贩占用人行道和非机动车道经营，造成交通拥堵，垃圾遍地。诉求：城管部门加强管理。' },
    { type: 'complaint', title: '商户出店经营占用人行道', content: '市民来电反映：{road}沿街多家商户将货架、桌椅摆放至人行道上，行人只能走机动车道，存在安全隐患。诉求：依法规范出店经营行为。' },
  ],
  'CSGL.LD': [
    { type: 'help', title: '路段路灯不亮', content: '市民来电反映：{district}{road}（{street}段）约500米路段的路灯已连续一周夜间不亮，道路漆黑，行人和电动车出行存在安全隐患。诉求：尽快维修路灯。' },
    { type: 'complaint', title: '路灯白天常亮浪费电', content: '市民来电反映：{road}靠近{community}小区路段的路灯白天一直亮着，已持续多日，浪费公共资源。诉求：相关部门检修路灯控制设备。' },
  ],
  'CSGL.ZYRM': [
    { type: 'complaint', title: '商铺高音喇叭招揽顾客', content: '市民来电反映：{road}{company}门口每天使用高音喇叭循环播放促销广告，从早上8点持续到晚上10点，严重影响周边居民生活。诉求：制止商业噪音扰民。' },
    { type: 'complaint', title: '烧烤店深夜喧哗扰民', content: '市民来电反映：{community}小区楼下烧烤店每天营业至凌晨两三点，顾客划拳喧哗，噪音扰民，多次与店家沟通无果。诉求：相关部门处理。' },
  ],
  'CSGL.LJQY': [
    { type: 'complaint', title: '小区门口垃圾多日未清运', content: '市民来电反映：{district}{street}{community}小区门口垃圾桶已满溢三天无人清运，气味难闻，蚊蝇滋生。诉求：尽快安排清运，并做到日产日清。' },
    { type: 'complaint', title: '路边建筑垃圾堆放', content: '市民来电反映：{district}{road}路边有人倾倒大量装修垃圾，堆放已一周多，占用部分车道。诉求：清理建筑垃圾并查处乱倒行为。' },
  ],
  'CSGL.JGQS': [
    { type: 'help', title: '路面井盖缺失存在安全隐患', content: '市民来电反映：{district}{road}非机动车道上有一处井盖缺失，仅用树枝遮挡，夜间极易发生意外。诉求：尽快补齐井盖。' },
    { type: 'help', title: '井盖破损下陷', content: '市民来电反映：{community}小区门口{road}上一雨水井盖破损下陷，车辆经过时发出巨响，已有电动车在此摔倒。诉求：尽快更换井盖。' },
  ],
  'CSGL.SZDL': [
    { type: 'complaint', title: '城区道路坑洼不平', content: '市民来电反映：{district}{road}（{community}小区附近路段）路面多处坑洼，雨后积水，车辆通行颠簸，已有骑车人摔倒。诉求：尽快修复路面。' },
    { type: 'help', title: '人行道地砖松动破损', content: '市民来电反映：{road}人行道大面积地砖松动破损，雨天踩上去溅水，老人行走容易绊倒。诉求：相关部门维修人行道。' },
  ],
  'CSGL.PSGW': [
    { type: 'complaint', title: '污水井堵塞外溢', content: '市民来电反映：{district}{road}{community}小区门口污水井堵塞，污水外溢到路面，臭味熏天，已持续三天。诉求：尽快疏通排水管道。' },
    { type: 'help', title: '雨后路段积水严重', content: '市民来电反映：每逢下雨，{district}{road}靠近{street}办事处路段都会严重积水，水深没过脚踝，行人车辆无法通行。诉求：排查排水设施，解决积水问题。' },
  ],
  'CSGL.YLLH': [
    { type: 'help', title: '行道树遮挡住户采光', content: '市民来电反映：{community}小区外{road}的行道树长得过高，树枝已伸到居民窗户，遮挡采光且影响安全。诉求：园林部门对树木进行修剪。' },
    { type: 'complaint', title: '绿化带杂草丛生', content: '市民来电反映：{district}{road}中间绿化带长期无人养护，杂草丛生，还有不少枯死的树木未补植。诉求：加强绿化养护。' },
  ],
  'CSGL.HWGG': [
    { type: 'report', title: '楼顶广告牌松动有坠落风险', content: '市民来电反映：{district}{road}一栋临街楼房顶部的大型广告牌一角已松动，大风天晃动明显，下方为人行道，存在坠落风险。诉求：尽快排查加固或拆除。' },
    { type: 'complaint', title: '小区周边小广告泛滥', content: '市民来电反映：{community}小区周边电线杆、墙面上贴满了开锁、办证等小广告，严重影响市容。诉求：清理小广告并查处张贴者。' },
  ],
  'CSGL.FJDC': [
    { type: 'complaint', title: '共享单车堵塞人行道', content: '市民来电反映：{road}公交站附近大量共享单车、电动车乱停乱放，占满人行道和盲道，行人无法通行。诉求：加强停放管理，督促运营企业及时清理。' },
    { type: 'suggestion', title: '建议增设非机动车停放区', content: '市民来电建议：{district}{street}{road}沿线商户较多，电动车无处停放只能停在路边，建议在人行道适当位置施划非机动车停放区。' },
  ],
  'CSGL.GC': [
    { type: 'complaint', title: '公厕脏乱无人管理', content: '市民来电反映：{district}{road}附近的公共厕所卫生状况极差，地面污水横流，洗手池水龙头损坏，晚上还经常锁门。诉求：加强公厕保洁管理。' },
    { type: 'suggestion', title: '建议增设公共厕所', content: '市民来电建议：{district}{road}沿河游园人流量大，附近没有公共厕所，市民如厕很不方便，建议增设公厕或协调周边单位厕所对外开放。' },
  ],

  // ---- 劳动和社会保障 ----
  'LDSB.TQGZ': [
    { type: 'help', title: '工地拖欠农民工工资', content: '市民来电反映：其与二十余名工友在{district}{road}一处由{company}承建的项目工地务工，被拖欠工资共计约15万元，多次讨要无果。诉求：协调尽快支付工资。' },
    { type: 'complaint', title: '离职后公司拒发工资', content: '市民来电反映：其今年3月从{company}离职，公司至今拒绝支付最后两个月工资约8000元，理由是未完成交接。诉求：人社部门介入，督促公司支付工资。' },
    { type: 'help', title: '餐饮店老板拖欠服务员工资', content: '市民来电反映：其在{district}{street}一家餐饮店做服务员三个月，老板以生意不好为由拖欠工资6000余元，现已联系不上。诉求：帮助追讨工资。' },
  ],
  'LDSB.SBJN': [
    { type: 'complaint', title: '单位未给员工缴纳社保', content: '市民来电反映：其在{company}工作已满一年，公司一直未为其缴纳社会保险，询问时称试用期不缴。诉求：督促公司依法为员工缴纳社保。' },
    { type: 'inquiry', title: '咨询灵活就业人员社保缴纳', content: '市民来电咨询：本人目前无固定工作，想以灵活就业人员身份在漯河缴纳职工养老保险，想了解缴费档次、办理地点及所需材料。' },
  ],
  'LDSB.YLJ': [
    { type: 'inquiry', title: '咨询养老金调整发放时间', content: '市民来电咨询：其为企业退休人员，听说今年养老金上调，想了解漯河何时开始发放上调部分、是否补发之前月份的差额。' },
    { type: 'help', title: '退休后养老金迟迟未发放', content: '市民来电反映：其父亲在{district}办理退休手续已两个月，养老金至今未发放，去社保窗口询问称还在审核。诉求：核实审核进度，尽快发放。' },
  ],
  'LDSB.SYBX': [
    { type: 'inquiry', title: '咨询失业保险金申领', content: '市民来电咨询：其被{company}解除劳动合同，已缴纳失业保险三年，想了解如何申领失业保险金、可以领取多久、能否线上办理。' },
    { type: 'complaint', title: '失业金申领多次被退回', content: '市民来电反映：其在网上申请失业保险金两次均被退回，退回理由不明确，打电话询问也一直无人接听。诉求：相关部门核实原因并给予指导。' },
  ],
  'LDSB.JYCY': [
    { type: 'inquiry', title: '咨询创业担保贷款政策', content: '市民来电咨询：本人为返乡创业人员，打算在{district}{street}开一家农产品加工作坊，想了解创业担保贷款的申请条件、额度和贴息政策。' },
    { type: 'inquiry', title: '咨询高校毕业生就业补贴', content: '市民来电咨询：其孩子是今年的高校毕业生，已在{company}就业，想了解漯河对高校毕业生有哪些就业补贴、生活补贴以及如何申请。' },
  ],
  'LDSB.LDHT': [
    { type: 'complaint', title: '公司未签劳动合同', content: '市民来电反映：其在{company}工作近一年，公司始终不与其签订书面劳动合同，现被无故辞退。诉求：维护其合法权益，要求公司支付双倍工资和经济补偿。' },
    { type: 'help', title: '被公司违法解除劳动合同', content: '市民来电反映：其在{company}工作五年，公司以经营调整为由口头通知其第二天不用上班，未给任何补偿。诉求：人社部门介入调解。' },
  ],
  'LDSB.GSRD': [
    { type: 'help', title: '公司拒绝配合工伤认定', content: '市民来电反映：其丈夫在{company}上班期间从脚手架上摔伤，公司拒绝出具相关证明，导致无法申请工伤认定。诉求：指导其如何申请工伤认定。' },
    { type: 'inquiry', title: '咨询下班途中受伤是否算工伤', content: '市民来电咨询：其在下班途中于{road}被机动车撞伤，交警认定对方全责，想了解这种情况能否认定工伤、需准备哪些材料、申请时限多久。' },
  ],
  'LDSB.ZYJN': [
    { type: 'inquiry', title: '咨询技能提升补贴申领', content: '市民来电咨询：其去年参加电工培训并取得职业技能等级证书，听说可以申领技能提升补贴，想了解申领条件和办理渠道。' },
    { type: 'inquiry', title: '咨询中级职称评审时间', content: '市民来电咨询：其在{company}从事工程技术工作，想了解今年中级职称评审的申报时间、申报条件以及需提交的材料。' },
  ],

  // ---- 医疗卫生 ----
  'YLWS.YBBX': [
    { type: 'complaint', title: '异地就医报销比例偏低', content: '市民来电反映：其母亲在郑州住院已办理异地就医备案，但出院结算时报销比例明显低于预期，医院称部分药品不在目录内。诉求：医保部门核实报销是否正确。' },
    { type: 'inquiry', title: '咨询门诊慢特病报销', content: '市民来电咨询：其父亲患有高血压、糖尿病，想了解如何办理门诊慢特病认定、{district}哪些定点医院可以报销、报销比例是多少。' },
  ],
  'YLWS.YBCB': [
    { type: 'inquiry', title: '咨询城乡居民医保缴费时间', content: '市民来电咨询：想了解明年城乡居民基本医疗保险的缴费标准和截止时间，能否通过手机缴纳，家里老人不会操作怎么办。' },
    { type: 'help', title: '医保缴费后显示未参保', content: '市民来电反映：其已通过微信缴纳城乡居民医保费，但到{district}一家医院就诊时系统显示未参保，无法报销。诉求：核实缴费状态并尽快处理。' },
  ],
  'YLWS.YLJF': [
    { type: 'complaint', title: '术后出现并发症医院推诿', content: '市民来电反映：其父亲在市区某医院做完手术后出现严重感染，家属认为医院存在过错，与院方沟通多次无果。诉求：卫健部门介入调查，协调处理医疗纠纷。' },
    { type: 'complaint', title: '医院误诊延误治疗', content: '市民来电反映：其孩子在{district}某医院被诊断为普通感冒，回家后病情加重，转院后确诊为肺炎。诉求：核实医院是否存在误诊并给出处理意见。' },
  ],
  'YLWS.YMJZ': [
    { type: 'inquiry', title: '咨询儿童疫苗接种地点', content: '市民来电咨询：其刚搬到{district}{street}居住，孩子需要接种第二剂麻腮风疫苗，想了解附近哪个社区卫生服务中心可以接种、是否需要预约。' },
    { type: 'complaint', title: '疫苗接种预约困难', content: '市民来电反映：{street}社区卫生服务中心的九价HPV疫苗一直约不上，接种门诊电话长期无人接听。诉求：增加接种名额，公开预约方式。' },
  ],
  'YLWS.YYFW': [
    { type: 'complaint', title: '医院排队时间过长', content: '市民来电反映：其带老人到市区某医院看病，挂号、缴费、取药每个窗口都排长队，自助机经常故障，工作人员态度冷漠。诉求：医院改进服务流程。' },
    { type: 'praise', title: '表扬医院医护人员', content: '市民来电表扬：其母亲在{district}人民医院住院期间，心内科医护人员细心照料、耐心解答，深夜仍多次查房，家属非常感动。诉求：对医护人员提出表扬。' },
  ],
  'YLWS.FFXY': [
    { type: 'report', title: '无证诊所违规输液', content: '市民来电举报：{district}{street}{road}附近有一家小诊所，无医疗机构执业许可证，长期给附近居民输液打针，存在很大安全隐患。诉求：卫健部门查处。' },
    { type: 'report', title: '美容店违规开展医疗美容', content: '市民来电举报：{road}一家美容店无资质开展注射玻尿酸、割双眼皮等医疗美容项目，已有顾客出现不良反应。诉求：依法查处。' },
  ],
  'YLWS.FYBJ': [
    { type: 'inquiry', title: '咨询补办出生医学证明', content: '市民来电咨询：孩子的出生医学证明丢失，想了解补办需要到出生的医院还是卫健部门、准备哪些材料、多长时间能办好。' },
    { type: 'inquiry', title: '咨询免费孕前优生检查', content: '市民来电咨询：其夫妻二人准备要孩子，听说有免费孕前优生健康检查，想了解在{district}哪里可以做、需要携带什么材料。' },
  ],

  // ---- 教育 ----
  'JY.RXZS': [
    { type: 'inquiry', title: '咨询小学入学划片', content: '市民来电咨询：其家住{district}{street}{community}小区，孩子今年9月上一年级，想了解该小区对应哪所学校、报名时间和需要准备的材料。' },
    { type: 'complaint', title: '随迁子女入学遇阻', content: '市民来电反映：其为外地来漯务工人员，已在{district}居住三年并办理居住证，孩子报名小学时被学校以学位已满拒绝。诉求：教育部门协调安排入学。' },
  ],
  'JY.XWPX': [
    { type: 'report', title: '机构违规开展学科类培训', content: '市民来电举报：{road}一家培训机构在周末和寒暑假违规开展初中数学、英语学科类培训，每期收费数千元。诉求：教育部门依法查处。' },
    { type: 'complaint', title: '培训机构退费难', content: '市民来电反映：其在{company}为孩子报了一年的舞蹈课，上了两个月后机构搬走无法继续上课，要求退费被拒。诉求：协调退还剩余课时费用。' },
  ],
  'JY.JSSD': [
    { type: 'complaint', title: '教师体罚辱骂学生', content: '市民来电反映：其孩子在{district}某小学读三年级，因作业没写完被班主任罚站一节课并当众辱骂，孩子现在害怕上学。诉求：教育部门调查处理。' },
    { type: 'report', title: '在职教师有偿补课', content: '市民来电举报：{district}某中学一名数学老师在{community}小区家中开办补习班，暗示班里学生参加，每人每月收费800元。诉求：查处在职教师有偿补课行为。' },
  ],
  'JY.XSZZ': [
    { type: 'inquiry', title: '咨询生源地助学贷款', content: '市民来电咨询：其孩子今年考上大学，家庭经济困难，想了解生源地信用助学贷款的申请时间、办理地点和需要准备的材料。' },
    { type: 'complaint', title: '困难学生未享受资助', content: '市民来电反映：其家庭为低保户，孩子在{district}某中学就读，但一直未享受到应有的助学金，询问学校也未得到明确答复。诉求：核实并落实资助政策。' },
  ],
  'JY.XXSF': [
    { type: 'complaint', title: '学校强制征订教辅资料', content: '市民来电反映：{district}某小学要求每名学生必须购买指定教辅资料，每学期约200元，不买的学生会被老师点名。诉求：制止学校违规征订教辅。' },
    { type: 'complaint', title: '民办幼儿园大幅涨价', content: '市民来电反映：{street}一所民办幼儿园本学期保教费由每月800元上涨至1200元，未提前告知家长。诉求：核实收费是否经过备案。' },
  ],
  'JY.XYAQ': [
    { type: 'complaint', title: '学校食堂饭菜质量差', content: '市民来电反映：{district}某中学学生反映学校食堂饭菜分量少、质量差，有时还吃出异物，家长担心孩子身体健康。诉求：加强学校食堂监管。' },
    { type: 'suggestion', title: '建议上下学时段疏导交通', content: '市民来电建议：{road}某小学门口上下学时段家长车辆乱停，学生过马路存在安全隐患，建议增派交警或协管员疏导并设置护学岗。' },
  ],

  // ---- 交通运输 ----
  'JTYS.GJXL': [
    { type: 'suggestion', title: '建议增设公交线路', content: '市民来电建议：{district}{street}{community}小区居民较多，附近没有公交站点，出行需步行一公里以上，建议增设公交线路或调整现有线路途经该小区。' },
    { type: 'complaint', title: '公交车班次间隔过长', content: '市民来电反映：途经{road}的公交车高峰期班次间隔过长，经常等待30分钟以上，上班族非常不便。诉求：增加高峰时段车次。' },
  ],
  'JTYS.GJFW': [
    { type: 'complaint', title: '公交司机不按站停车', content: '市民来电反映：其在{road}站等车时，公交车未停靠直接驶过，当时站台有多名乘客招手。诉求：公交公司核实处理并加强驾驶员管理。' },
    { type: 'praise', title: '表扬公交司机拾金不昧', content: '市民来电表扬：其将装有现金和证件的钱包遗落在公交车上，驾驶员发现后主动联系并归还，特此对该驾驶员提出表扬。' },
  ],
  'JTYS.CZC': [
    { type: 'complaint', title: '出租车拒载绕路', content: '市民来电反映：其在漯河站打出租车前往{district}{community}小区，司机嫌路近拒载，换乘另一辆后司机故意绕路多收费。诉求：交通运输部门查处。' },
    { type: 'complaint', title: '网约车司机中途加价', content: '市民来电反映：其通过平台叫网约车从{road}到漯河西站，司机途中要求加价20元，否则不送。诉求：相关部门处理并规范网约车经营。' },
  ],
  'JTYS.DLPS': [
    { type: 'complaint', title: '乡道路面破损严重', content: '市民来电反映：{district}{street}通往镇区的乡道路面多处破损，大坑连片，雨天积水，车辆经常托底，村民出行困难。诉求：尽快维修道路。' },
    { type: 'help', title: '国道路段坑槽影响通行', content: '市民来电反映：107国道{district}段部分路面出现较大坑槽，夜间车辆经过容易发生事故。诉求：公路部门尽快修补。' },
  ],
  'JTYS.JTXH': [
    { type: 'help', title: '路口红绿灯故障', content: '市民来电反映：{district}{road}靠近{community}小区的十字路口红绿灯已两天不亮，高峰期车辆混乱，险些发生事故。诉求：尽快维修交通信号灯。' },
    { type: 'suggestion', title: '建议调整信号灯配时', content: '市民来电建议：{district}{road}一处十字路口左转绿灯时间过短，每次只能通过三四辆车，高峰期排队很长，建议调整信号灯配时。' },
  ],
  'JTYS.KYCL': [
    { type: 'complaint', title: '长途客车超员', content: '市民来电反映：其乘坐从漯河客运站发往县城的客车，核载19人的车辆实际搭载了25人以上，存在安全隐患。诉求：交通运输部门查处超员行为。' },
    { type: 'inquiry', title: '咨询城乡公交开通情况', content: '市民来电咨询：想了解从市区到{district}{street}是否开通了城乡公交，首末班车时间是几点，在哪里乘车。' },
  ],

  // ---- 环境保护 ----
  'HJBH.DQWR': [
    { type: 'report', title: '工厂夜间偷排废气', content: '市民来电举报：{district}{street}{company}每天夜间排放刺鼻废气，周边{community}小区居民夜里不敢开窗，多人出现咽喉不适。诉求：生态环境部门夜间突击检查。' },
    { type: 'report', title: '露天焚烧垃圾和轮胎', content: '市民来电举报：{street}{road}附近空地经常有人露天焚烧垃圾和废旧轮胎，黑烟滚滚，气味刺鼻。诉求：制止焚烧行为并依法处理。' },
  ],
  'HJBH.SWR': [
    { type: 'report', title: '企业向沟渠排放污水', content: '市民来电举报：{district}{company}通过暗管向附近沟渠排放黄褐色污水，沟渠水体发黑发臭，下游农田受到影响。诉求：生态环境部门检测水质并查处。' },
    { type: 'complaint', title: '河道水体发黑发臭', content: '市民来电反映：{district}{road}附近的排涝河近期水体发黑，散发恶臭，水面漂浮大量死鱼，周边居民散步深受影响。诉求：查明污染来源并治理。' },
  ],
  'HJBH.GYZS': [
    { type: 'complaint', title: '工厂设备噪声扰民', content: '市民来电反映：{district}{street}{company}厂区内的风机和冷却塔24小时运转，噪声很大，距离最近的居民楼不足百米，居民长期无法正常休息。诉求：督促企业降噪整改。' },
    { type: 'complaint', title: '加工厂夜间生产噪音大', content: '市民来电反映：{community}小区附近一家木材加工厂每天夜间生产，切割声刺耳，严重扰民。诉求：生态环境部门监测噪声并依法处理。' },
  ],
  'HJBH.CYYY': [
    { type: 'complaint', title: '楼下饭店油烟直排', content: '市民来电反映：{district}{community}小区一楼一家饭店未安装油烟净化设施，油烟直接排向楼上住户窗户，家中无法开窗。诉求：督促饭店安装净化设施并规范排放。' },
    { type: 'complaint', title: '夜市烧烤摊油烟扰民', content: '市民来电反映：{road}夜市烧烤摊露天烧烤，油烟弥漫，周边住户衣服都不能在外晾晒。诉求：相关部门规范管理。' },
  ],
  'HJBH.GTFW': [
    { type: 'report', title: '坑塘被倾倒工业废料', content: '市民来电举报：{district}{street}一处废弃坑塘近期有车辆夜间倾倒不明工业废料，散发刺鼻气味，担心污染地下水。诉求：查明来源并依法处理。' },
    { type: 'report', title: '汽修店乱倒废机油', content: '市民来电举报：{road}附近一家汽修店将更换下来的废机油直接倒入下水道，附近地面油污严重。诉求：依法查处危险废物非法处置行为。' },
  ],
  'HJBH.GDYC': [
    { type: 'complaint', title: '工地土方未覆盖扬尘严重', content: '市民来电反映：{district}{road}一处由{company}承建的工地土方裸露未覆盖，围挡不全，刮风时尘土飞扬，周边小区窗台每天一层灰。诉求：督促落实扬尘治理措施。' },
    { type: 'complaint', title: '拆迁工地未洒水降尘', content: '市民来电反映：{street}一处拆迁工地拆除作业时未洒水降尘，粉尘很大，路过行人纷纷捂住口鼻。诉求：督促施工单位落实降尘措施。' },
  ],

  // ---- 市场监管 ----
  'SCJG.SPAQ': [
    { type: 'complaint', title: '超市销售过期食品', content: '市民来电反映：其在{district}{road}{company}购买的牛奶回家后发现已过保质期三天，与店家交涉对方只同意退款。诉求：市场监管部门查处并按规定赔偿。' },
    { type: 'report', title: '食品小作坊卫生条件差', content: '市民来电举报：{street}{community}小区附近一家凉皮作坊卫生条件极差，操作间苍蝇乱飞，工人不戴口罩和手套，产品供应周边多家店铺。诉求：依法查处。' },
    { type: 'complaint', title: '外卖餐品吃出异物', content: '市民来电反映：其在外卖平台从{company}点餐，饭菜中吃出一根钢丝球丝，与商家沟通后对方态度恶劣。诉求：市场监管部门核查该店后厨卫生。' },
  ],
  'SCJG.JGTS': [
    { type: 'complaint', title: '停车场乱收费', content: '市民来电反映：{district}{road}{company}地下停车场未公示收费标准，停车两小时被收取20元，明显高于周边。诉求：核实收费是否合规。' },
    { type: 'complaint', title: '商家标价与结算价不一致', content: '市民来电反映：其在{company}购买商品时，货架标价为19.9元，结账时却按29.9元收取，店员称价签未及时更换。诉求：查处价格违法行为。' },
  ],
  'SCJG.XFWQ': [
    { type: 'complaint', title: '空调质量问题商家拒绝退换', content: '市民来电反映：其在{road}{company}购买的空调使用一周即不制冷，商家以已安装使用为由拒绝退换，只同意维修。诉求：协调商家退换货。' },
    { type: 'complaint', title: '购车被强制搭售', content: '市民来电反映：其在{company}购车时，销售人员要求必须购买3000元装潢包并在店内投保，否则不予提车。诉求：查处强制搭售行为。' },
  ],
  'SCJG.YFK': [
    { type: 'complaint', title: '健身房闭店预付卡无法退款', content: '市民来电反映：{district}{road}{company}突然闭店，其办理的健身年卡还剩8个月未使用，老板联系不上，涉及会员百余人。诉求：协助追回预付款。' },
    { type: 'complaint', title: '理发店转让后不认会员卡', content: '市民来电反映：其在{street}一家理发店充值2000元办理会员卡，店铺转让后新老板不认可原会员卡。诉求：协调退还卡内余额。' },
  ],
  'SCJG.TZSB': [
    { type: 'help', title: '小区电梯频繁故障困人', content: '市民来电反映：{district}{community}小区5号楼电梯近一个月多次发生故障，昨天还有老人被困半小时，物业只是简单维修。诉求：特种设备监管部门检查电梯安全。' },
    { type: 'report', title: '商场扶梯未张贴检验标志', content: '市民来电反映：{road}{company}的自动扶梯运行时异响明显，且未张贴检验合格标志。诉求：检查扶梯是否按期检验。' },
  ],
  'SCJG.YPAQ': [
    { type: 'report', title: '药店无处方销售处方药', content: '市民来电举报：{district}{road}一家药店销售抗生素等处方药时不要求出示处方，也不登记购药人信息。诉求：市场监管部门查处。' },
    { type: 'complaint', title: '向老人推销保健品宣称治病', content: '市民来电反映：{street}有人在社区以免费体检、赠送礼品为名向老年人推销保健品，宣称能治疗高血压糖尿病，价格高昂。诉求：依法查处虚假宣传。' },
  ],
  'SCJG.JL': [
    { type: 'complaint', title: '菜市场商户缺斤少两', content: '市民来电反映：其在{district}{road}农贸市场买了2斤猪肉，回家用秤称只有1斤6两，怀疑商户电子秤做了手脚。诉求：检查市场内计量器具。' },
    { type: 'complaint', title: '怀疑加油机计量不准', content: '市民来电反映：其在{road}某加油站加油，油箱容量50升，加油机却显示加了58升，怀疑加油机计量不准。诉求：对加油机进行检定。' },
  ],
  'SCJG.WZJY': [
    { type: 'report', title: '居民楼内无照开设麻将馆', content: '市民来电举报：{community}小区内一户居民将住宅改为麻将馆，无任何营业执照，每天人员聚集到深夜，噪音扰民。诉求：依法查处无照经营。' },
    { type: 'report', title: '服装店销售假冒品牌鞋', content: '市民来电举报：{district}{road}一家服装店销售的运动鞋均为冒用知名品牌商标的假冒商品，价格低廉。诉求：查处商标侵权行为。' },
  ],

  // ---- 公用事业 ----
  'GYSY.TS': [
    { type: 'help', title: '小区突然停水', content: '市民来电反映：{district}{street}{community}小区从今天早上开始停水，事先没有接到任何通知，家中老人孩子生活不便。诉求：尽快查明原因恢复供水。' },
    { type: 'inquiry', title: '咨询停水恢复时间', content: '市民来电咨询：{district}{road}附近因管道维修停水，想了解具体恢复供水的时间，以及有无临时送水安排。' },
  ],
  'GYSY.SZSY': [
    { type: 'complaint', title: '自来水发黄有异味', content: '市民来电反映：{community}小区近一周自来水发黄、有铁锈味，烧开后有沉淀，居民不敢饮用。诉求：水务部门检测水质并处理。' },
    { type: 'complaint', title: '高楼层水压不足', content: '市民来电反映：{district}{community}小区高层住户每天早晚用水高峰时水压很低，热水器无法启动。诉求：排查二次供水设施，解决水压问题。' },
  ],
  'GYSY.TD': [
    { type: 'help', title: '小区突然停电', content: '市民来电反映：{district}{street}{community}小区部分楼栋从晚上8点开始停电，至今未恢复，家中有卧床老人需要使用医疗设备。诉求：尽快抢修恢复供电。' },
    { type: 'complaint', title: '频繁停电影响生产', content: '市民来电反映：{street}{company}所在区域近一个月频繁停电，每次一两个小时，已造成生产设备损坏。诉求：供电公司排查线路故障。' },
  ],
  'GYSY.YDFW': [
    { type: 'inquiry', title: '咨询阶梯电价和峰谷电价', content: '市民来电咨询：其家中用电量较大，想了解漯河居民阶梯电价的标准，以及如何申请执行峰谷分时电价。' },
    { type: 'complaint', title: '新装电表迟迟不安装', content: '市民来电反映：其在{district}{street}新建的门面房已申请用电报装半个多月，供电所一直未来安装电表，影响开业。诉求：加快办理。' },
  ],
  'GYSY.RQ': [
    { type: 'help', title: '楼道内有燃气味', content: '市民来电反映：{district}{community}小区2号楼楼道内有明显燃气味，已持续约半小时，居民担心发生危险。诉求：燃气公司立即派人排查。' },
    { type: 'complaint', title: '燃气开户费用不透明', content: '市民来电反映：其新购{community}小区住房办理燃气开通时，燃气公司收取的安装费用与同小区住户相差较大，且未出具收费明细。诉求：核实收费标准。' },
  ],
  'GYSY.GN': [
    { type: 'complaint', title: '暖气不热', content: '市民来电反映：{district}{community}小区供暖已开始一周，其家中暖气片温度只有十几度，室温不足16度，多次报修无人处理。诉求：热力公司尽快上门排查。' },
    { type: 'inquiry', title: '咨询供暖报停和缴费', content: '市民来电咨询：其家中今年冬季无人居住，想了解如何办理供暖报停、报停后需缴纳多少基本热费，以及缴费方式。' },
  ],
  'GYSY.TXYD': [
    { type: 'complaint', title: '小区手机信号差', content: '市民来电反映：{district}{community}小区内移动手机信号很差，在家中经常打不通电话，已向运营商反映多次未改善。诉求：增设基站或信号覆盖设备。' },
    { type: 'complaint', title: '老人手机被开通增值业务', content: '市民来电反映：其父亲的移动手机号每月被扣除多项增值业务费用，老人从未主动办理。诉求：核查办理记录，退还费用并取消业务。' },
  ],
  'GYSY.TXLT': [
    { type: 'complaint', title: '宽带频繁断网', content: '市民来电反映：其家住{community}小区，联通宽带近半个月频繁断网，报修后维修人员迟迟不上门。诉求：尽快维修，并减免断网期间费用。' },
    { type: 'complaint', title: '套餐资费与宣传不符', content: '市民来电反映：其在{road}联通营业厅办理的套餐，办理时宣传每月59元，实际每月扣费89元。诉求：核实套餐资费并退还多扣费用。' },
  ],
  'GYSY.TXDX': [
    { type: 'complaint', title: '通信线缆乱拉乱挂', content: '市民来电反映：{community}小区楼外墙上电信光缆乱拉乱挂，部分线缆垂落到地面，影响美观且有安全隐患。诉求：规范整理线缆。' },
    { type: 'complaint', title: '宽带销户后仍被扣费', content: '市民来电反映：其半年前已在电信营业厅办理宽带销户，但银行卡每月仍被自动扣费。诉求：核实并退还多扣费用。' },
  ],
  'GYSY.YZKD': [
    { type: 'complaint', title: '快递未经同意放驿站', content: '市民来电反映：{community}小区快递员经常不送货上门，未经同意直接将快递放入驿站，驿站取件还要额外收费。诉求：规范快递投递服务。' },
    { type: 'complaint', title: '快递丢失网点推诿', content: '市民来电反映：其一件价值800元的快递显示已签收，但本人并未收到，快递网点推诿不处理。诉求：邮政管理部门协调赔偿。' },
  ],

  // ---- 公安 ----
  'GA.HJ': [
    { type: 'inquiry', title: '咨询新生儿落户', content: '市民来电咨询：孩子刚出生一个月，父母户籍分别在{district}和外省，想了解新生儿落户需要到哪个派出所办理、准备哪些材料。' },
    { type: 'inquiry', title: '咨询购房落户政策', content: '市民来电咨询：其为外地户籍，在{district}{community}小区购买了商品房，想了解能否将户口迁入漯河、需要哪些条件。' },
  ],
  'GA.CRJ': [
    { type: 'inquiry', title: '咨询办理护照流程', content: '市民来电咨询：想办理普通护照出国旅游，想了解在漯河哪里办理、是否需要预约、多长时间可以拿到证件。' },
    { type: 'inquiry', title: '咨询港澳通行证签注', content: '市民来电咨询：其港澳通行证签注即将到期，想了解能否在自助签注机上办理再次签注，以及市区自助签注机的位置。' },
  ],
  'GA.JTWF': [
    { type: 'complaint', title: '对电子警察抓拍有异议', content: '市民来电反映：其驾车在{district}{road}一路口被电子警察抓拍闯红灯，但当时是跟随前车在黄灯时通过，认为抓拍有误。诉求：核实违法记录。' },
    { type: 'report', title: '车辆长期违停堵塞小区出入口', content: '市民来电举报：{district}{community}小区门口{road}上长期有车辆违停，堵塞小区消防通道和出入口。诉求：交警部门加强巡查处罚。' },
  ],
  'GA.CJG': [
    { type: 'inquiry', title: '咨询驾驶证到期换证', content: '市民来电咨询：其驾驶证即将到期，想了解能否在交管12123上办理换证、体检在哪里做，以及外地驾驶证能否在漯河换证。' },
    { type: 'complaint', title: '车管所办事排队时间长', content: '市民来电反映：其到车管所办理车辆过户，排队近三个小时，只开放两个窗口，工作人员态度生硬。诉求：优化窗口服务。' },
  ],
  'GA.SHZS': [
    { type: 'complaint', title: '广场舞音响声音过大', content: '市民来电反映：{district}{community}小区旁边广场每天晚上有人跳广场舞，音响声音开得很大，持续到晚上十点多，严重影响居民休息。诉求：规范广场舞音量和时间。' },
    { type: 'complaint', title: '邻居装修噪音扰民', content: '市民来电反映：{community}小区一住户装修时在中午和晚上八点后仍在施工，电钻声不断，多次劝说无效。诉求：相关部门制止。' },
  ],
  'GA.YQGL': [
    { type: 'complaint', title: '小区遛狗不牵绳', content: '市民来电反映：{district}{community}小区内多名居民遛狗不拴绳，其中还有大型犬，已有孩子被惊吓摔倒，狗粪便也不清理。诉求：加强文明养犬管理。' },
    { type: 'report', title: '居民饲养烈性犬', content: '市民来电举报：{street}{community}小区一住户饲养一条藏獒，经常在楼道里狂吠，邻居不敢出门。诉求：核实是否属于禁养犬只并依法处理。' },
  ],

  // ---- 民政 ----
  'MZ.DB': [
    { type: 'inquiry', title: '咨询低保申请条件', content: '市民来电咨询：其丈夫重病无法工作，家中仅靠其打零工维持，想了解申请城市最低生活保障需要什么条件、到{street}哪个部门申请。' },
    { type: 'report', title: '低保认定不公', content: '市民来电举报：{district}{street}某村有村民家中有两套房、一辆车，仍在享受农村低保，而真正困难的群众却未纳入。诉求：核查低保认定是否公正。' },
  ],
  'MZ.YLFW': [
    { type: 'complaint', title: '养老院护理不到位', content: '市民来电反映：其母亲入住{district}一家民办养老院，家属探望时发现老人长期未换洗衣物，身上出现压疮。诉求：民政部门检查该养老院服务质量。' },
    { type: 'suggestion', title: '建议社区增设老年助餐点', content: '市民来电建议：{community}小区老年人较多，不少独居老人做饭困难，建议在社区设立老年助餐点，提供价格实惠的午餐。' },
  ],
  'MZ.HYDJ': [
    { type: 'inquiry', title: '咨询结婚登记预约', content: '市民来电咨询：其与未婚夫准备在七夕办理结婚登记，想了解{district}婚姻登记处是否需要预约、双方户籍不在漯河能否办理。' },
    { type: 'inquiry', title: '咨询补领结婚证', content: '市民来电咨询：其结婚证丢失，想了解补领结婚证需要到哪里办理、需要准备哪些材料、是否需要夫妻双方到场。' },
  ],
  'MZ.GLJT': [
    { type: 'help', title: '高龄津贴突然停发', content: '市民来电反映：其父亲今年82岁，户籍在{district}{street}，之前每月能领取高龄津贴，近三个月突然停发，询问社区也说不清原因。诉求：核实原因并恢复发放。' },
    { type: 'inquiry', title: '咨询高龄津贴申领', content: '市民来电咨询：其母亲刚满80周岁，想了解漯河高龄津贴的发放标准、如何申请、是否需要老人本人到场。' },
  ],
  'MZ.BZGL': [
    { type: 'complaint', title: '殡仪服务收费不透明', content: '市民来电反映：其家人去世后在殡仪馆办理丧事，部分服务项目未明码标价，结算时费用远超预期。诉求：核实收费是否合规。' },
    { type: 'report', title: '耕地内违规修建大墓', content: '市民来电举报：{district}{street}某村有村民在耕地里违规修建豪华墓穴，占用耕地面积较大。诉求：依法查处违规建墓行为。' },
  ],
  'MZ.LSJZ': [
    { type: 'help', title: '家庭遭遇变故申请临时救助', content: '市民来电反映：其家中房屋因火灾烧毁，丈夫住院治疗，一家四口生活陷入困境。诉求：申请临时救助，希望{street}给予帮助。' },
    { type: 'help', title: '流浪老人需要救助', content: '市民来电反映：{district}{road}附近有一名流浪老人连续多日露宿街头，天气转冷，老人衣着单薄。诉求：救助管理站尽快前往救助。' },
  ],

  // ---- 自然资源 ----
  'ZRZY.TDZS': [
    { type: 'complaint', title: '征地补偿款未足额发放', content: '市民来电反映：其所在的{district}{street}某村土地去年被征收，但村民至今只领到部分补偿款，村里说款项还未拨付到位。诉求：核实补偿款发放情况。' },
    { type: 'inquiry', title: '咨询征地补偿标准', content: '市民来电咨询：听说{district}{street}要征收部分集体土地用于道路建设，想了解漯河现行的征地区片综合地价标准和安置方式。' },
  ],
  'ZRZY.BDCDJ': [
    { type: 'inquiry', title: '咨询二手房过户流程', content: '市民来电咨询：其准备购买{community}小区一套二手房，想了解办理不动产转移登记的流程、需要缴纳哪些税费以及能否一窗办理。' },
    { type: 'complaint', title: '不动产登记办理超时', content: '市民来电反映：其一个月前在不动产登记中心提交了抵押注销登记申请，窗口承诺5个工作日办结，至今仍未办好。诉求：核实原因并尽快办结。' },
  ],
  'ZRZY.WFZD': [
    { type: 'report', title: '占用基本农田建厂房', content: '市民来电举报：{district}{street}某村有人在基本农田上建设厂房，已经浇筑地基，村民多次反映无人管理。诉求：自然资源部门查处违法占地行为。' },
    { type: 'report', title: '耕地被非法取土', content: '市民来电举报：{district}{street}一处耕地近期有挖掘机连夜非法取土，已挖出数米深坑，耕地遭到破坏。诉求：依法查处。' },
  ],
  'ZRZY.GHGL': [
    { type: 'inquiry', title: '咨询规划道路建设时间', content: '市民来电咨询：{district}{road}延伸段规划已有多年，一直未修建，想了解该道路的规划情况及建设时间安排。' },
    { type: 'complaint', title: '新建楼盘影响采光', content: '市民来电反映：{community}小区南侧新建的高层住宅距离过近，建成后将严重遮挡其楼栋采光，怀疑项目不符合日照间距要求。诉求：核实规划审批情况。' },
  ],

  // ---- 农业农村 ----
  'NYNC.NZZL': [
    { type: 'complaint', title: '购买假种子导致减产', content: '市民来电反映：其在{district}{street}一家农资店购买的玉米种子出苗率极低，同村多户都出现类似情况，损失较大。诉求：农业部门鉴定种子质量并协调赔偿。' },
    { type: 'report', title: '农资店销售禁用农药', content: '市民来电举报：{district}{street}集镇上一家农资店仍在销售国家明令禁用的高毒农药。诉求：依法查处。' },
  ],
  'NYNC.HNBT': [
    { type: 'inquiry', title: '咨询耕地地力保护补贴', content: '市民来电咨询：想了解今年耕地地力保护补贴的发放标准和发放时间，其在{street}的承包地补贴至今未到账。' },
    { type: 'complaint', title: '农机购置补贴迟迟未发', content: '市民来电反映：其去年在{district}购买了一台小麦收割机并按要求申请农机购置补贴，至今补贴资金仍未到账。诉求：核实办理进度。' },
  ],
  'NYNC.TDCB': [
    { type: 'complaint', title: '土地流转租金被拖欠', content: '市民来电反映：{district}{street}某村村民将土地流转给{company}种植，合同约定每年每亩租金800元，对方已拖欠两年。诉求：协调支付土地流转费。' },
    { type: 'help', title: '承包地被他人强占', content: '市民来电反映：其家中在{street}的承包地被同村村民强行占种，双方多次协商未果，村委会调解无效。诉求：乡镇及农业部门调处土地承包纠纷。' },
  ],
  'NYNC.XQYZ': [
    { type: 'complaint', title: '养猪场粪污直排', content: '市民来电反映：{district}{street}某村附近一家养猪场将粪污直接排入村边沟渠，臭气熏天，夏季蚊蝇成群。诉求：督促养殖场治理粪污。' },
    { type: 'report', title: '病死猪被随意丢弃', content: '市民来电举报：{district}{street}一条河沟里发现多头病死猪，疑似附近养殖户随意丢弃，担心传播疫病。诉求：尽快无害化处理并追查来源。' },
  ],
  'NYNC.RJHJ': [
    { type: 'complaint', title: '村内垃圾堆积无人清理', content: '市民来电反映：{district}{street}某村村口垃圾堆积成山，已有半个多月无人清运，周边臭气熏天。诉求：尽快清理并建立长效保洁机制。' },
    { type: 'suggestion', title: '建议改造农村旱厕', content: '市民来电建议：其所在的{district}{street}某村仍有不少旱厕，卫生条件差，建议将该村纳入农村户厕改造计划。' },
  ],

  // ---- 水利 ----
  'SL.HDGL': [
    { type: 'report', title: '河道内夜间非法采砂', content: '市民来电举报：沙河{district}段夜间有船只非法采砂，机器噪音很大，部分河岸已出现塌陷。诉求：水利部门依法查处。' },
    { type: 'complaint', title: '河道管理范围内乱堆乱建', content: '市民来电反映：澧河{district}段河道管理范围内有人私建养殖棚并堆放杂物，影响行洪安全。诉求：清理河道违建。' },
  ],
  'SL.NCYS': [
    { type: 'help', title: '村里自来水经常停供', content: '市民来电反映：{district}{street}某村的农村集中供水经常停水，每次停好几天，村民只能去邻村拉水。诉求：保障农村饮水安全。' },
    { type: 'complaint', title: '农村自来水水质浑浊', content: '市民来电反映：{district}{street}某村自来水水质浑浊，有泥沙沉淀，村民担心饮水安全。诉求：检测水质并整改。' },
  ],
  'SL.FXPL': [
    { type: 'help', title: '农田积水无法排出', content: '市民来电反映：连日降雨，{district}{street}某村数百亩农田积水，排水沟渠淤堵，庄稼被淹。诉求：尽快组织疏通沟渠排涝。' },
    { type: 'report', title: '堤坝出现渗水冒沙', content: '市民来电反映：{district}沙河大堤某处背水坡出现渗水冒沙现象，担心发生管涌险情。诉求：立即派人查看处置。' },
  ],

  // ---- 商务 ----
  'SW.SCCS': [
    { type: 'complaint', title: '超市会员积分单方面清零', content: '市民来电反映：{district}{company}单方面宣布会员积分年底清零，未提前告知，顾客积累的积分无法兑换。诉求：商务部门督促商家规范经营。' },
    { type: 'complaint', title: '商场突然停业购物卡无法使用', content: '市民来电反映：{road}{company}突然发布停业公告，消费者手中的购物卡无法使用，商户押金也未退还。诉求：商务部门协调处理。' },
  ],
  'SW.BFCL': [
    { type: 'inquiry', title: '咨询报废汽车更新补贴', content: '市民来电咨询：其有一辆使用十几年的老旧小轿车准备报废，想了解漯河哪些企业具备报废机动车回收资质、报废更新补贴如何申请。' },
    { type: 'report', title: '无资质拆解报废汽车', content: '市民来电举报：{district}{street}一处院子里有人无资质回收拆解报废汽车，废油乱流，噪音扰民。诉求：依法查处。' },
  ],
  'SW.CXF': [
    { type: 'inquiry', title: '咨询汽车消费券领取', content: '市民来电咨询：听说漯河近期发放汽车消费券，想了解领取时间、使用条件以及在哪些4S店可以使用。' },
    { type: 'complaint', title: '商家拒绝核销消费券', content: '市民来电反映：其领取的家电消费券在{company}使用时，店员以系统故障为由拒绝核销，怀疑商家变相不参与活动。诉求：核实处理。' },
  ],

  // ---- 文化旅游体育 ----
  'WL.LYTS': [
    { type: 'complaint', title: '旅行社擅自变更行程', content: '市民来电反映：其报名参加一家旅行社组织的旅游团，行程中旅行社擅自取消一个景点并增加购物点，导游态度恶劣。诉求：文旅部门处理并退还相应费用。' },
    { type: 'complaint', title: '景区周边停车收费过高', content: '市民来电反映：其节假日到沙澧河风景区游玩，景区周边停车场收费过高且未公示收费标准。诉求：规范景区停车收费。' },
  ],
  'WL.WHSC': [
    { type: 'report', title: '网吧接纳未成年人', content: '市民来电举报：{district}{road}一家网吧经常接纳未成年人上网，甚至通宵营业，学生家长非常担忧。诉求：文化市场执法部门查处。' },
    { type: 'complaint', title: 'KTV隔音差深夜扰民', content: '市民来电反映：{community}小区底商一家KTV每天营业至凌晨，包厢声音外泄，楼上居民无法入睡。诉求：督促其落实隔音措施。' },
  ],
  'WL.GGWH': [
    { type: 'suggestion', title: '建议延长图书馆开放时间', content: '市民来电建议：市图书馆晚间开放时间较短，上班族下班后去看书时间不够，建议周末及晚间延长开放时间。' },
    { type: 'praise', title: '表扬文化馆公益培训', content: '市民来电表扬：其参加市文化馆组织的公益书法培训班，老师认真负责、课程安排合理，收获很大，特此表扬并希望多开展此类活动。' },
  ],
  'WL.WWBH': [
    { type: 'report', title: '施工破坏老建筑', content: '市民来电举报：{district}{street}一处清代民居院落被施工方拆除部分构件，该建筑疑为文物保护点。诉求：文物部门尽快核实制止。' },
    { type: 'suggestion', title: '建议修缮老街历史建筑', content: '市民来电建议：源汇区老街一带部分历史建筑年久失修，墙体开裂，建议相关部门尽快组织修缮保护。' },
  ],
  'WL.QMJS': [
    { type: 'complaint', title: '小区健身器材损坏', content: '市民来电反映：{community}小区内的健身器材多处损坏，有的螺丝松动，存在安全隐患，长期无人维修。诉求：维修或更换健身器材。' },
    { type: 'suggestion', title: '建议体育场馆低收费开放', content: '市民来电建议：希望市体育中心的部分场地在非赛事期间免费或低收费向市民开放，方便群众就近健身。' },
  ],

  // ---- 应急管理 ----
  'YJ.AQSC': [
    { type: 'report', title: '工人未配发防护用品', content: '市民来电举报：{district}{company}车间工人长期在粉尘环境中作业，未配发防尘口罩等防护用品，安全管理混乱。诉求：应急管理部门检查。' },
    { type: 'report', title: '居民楼内小作坊存在隐患', content: '市民来电举报：{street}{road}附近一家小作坊在居民楼一层生产，使用明火且堆放大量易燃物。诉求：尽快排查安全隐患。' },
  ],
  'YJ.WHP': [
    { type: 'report', title: '居民区附近违规储存危化品', content: '市民来电举报：{district}{community}小区附近一处仓库违规存放大量油漆、稀释剂等危险化学品，距离居民楼很近。诉求：应急管理部门检查处置。' },
    { type: 'report', title: '小卖部无证销售散装汽油', content: '市民来电举报：{district}{street}一家小卖部无证销售散装汽油，用塑料桶盛装，存在严重安全隐患。诉求：依法查处。' },
  ],
  'YJ.XFAQ': [
    { type: 'complaint', title: '小区消防通道被占用', content: '市民来电反映：{district}{community}小区消防通道长期被私家车占用，物业不管理，万一发生火灾消防车无法进入。诉求：督促物业清理消防通道。' },
    { type: 'report', title: '电动车楼道内充电', content: '市民来电举报：{community}小区多名居民将电动车推进楼道和电梯内充电，存在火灾隐患，劝阻无效。诉求：消防部门检查整改。' },
  ],
  'YJ.ZHJZ': [
    { type: 'help', title: '房屋因暴雨受损申请救助', content: '市民来电反映：其家位于{district}{street}，因连日暴雨导致老房子一面墙体倒塌，目前无处居住。诉求：申请自然灾害救助并安排临时住所。' },
    { type: 'inquiry', title: '咨询冰雹受灾救助', content: '市民来电咨询：其在{street}种植的小麦因冰雹受灾严重，想了解是否有救灾补助、农业保险如何理赔、找哪个部门办理。' },
  ],

  // ---- 税务 ----
  'SS.FP': [
    { type: 'complaint', title: '商家拒开发票', content: '市民来电反映：其在{road}{company}消费后索要发票，商家称不开发票可以打折，坚持要开则需加收税点。诉求：税务部门查处拒开发票行为。' },
    { type: 'inquiry', title: '咨询个体户代开发票', content: '市民来电咨询：其为个体工商户，想了解如何申请代开增值税普通发票，能否通过电子税务局在线办理。' },
  ],
  'SS.GS': [
    { type: 'inquiry', title: '咨询个税年度汇算', content: '市民来电咨询：想了解个人所得税综合所得年度汇算的办理时间、专项附加扣除如何填报，以及退税多久到账。' },
    { type: 'help', title: '身份被冒用申报工资收入', content: '市民来电反映：其在个人所得税APP中发现从未任职过的{company}为其申报了工资收入。诉求：税务部门核实处理。' },
  ],
  'SS.SSJB': [
    { type: 'report', title: '企业隐匿收入涉嫌逃税', content: '市民来电举报：{district}{company}长期通过私人账户收取货款，不入公账，涉嫌隐匿收入偷逃税款。诉求：税务部门调查。' },
    { type: 'report', title: '有人对外虚开发票', content: '市民来电举报：{district}{road}附近有人以咨询公司名义对外虚开增值税发票，按票面金额收取开票费。诉求：依法查处。' },
  ],

  // ---- 住房公积金 ----
  'ZFGJJ.TQ': [
    { type: 'inquiry', title: '咨询租房提取公积金', content: '市民来电咨询：其在漯河无自有住房，目前租房居住，想了解租房提取住房公积金的条件、额度以及能否线上办理。' },
    { type: 'complaint', title: '公积金提取审核慢', content: '市民来电反映：其半个月前提交了购房提取公积金申请，至今未到账，多次打电话查询均未接通。诉求：加快审核进度。' },
  ],
  'ZFGJJ.DK': [
    { type: 'inquiry', title: '咨询公积金贷款额度', content: '市民来电咨询：夫妻双方连续缴存公积金两年，准备在{district}购买首套住房，想了解公积金贷款最高额度、利率以及办理流程。' },
    { type: 'complaint', title: '开发商拒绝公积金贷款', content: '市民来电反映：其购买{community}小区商品房时，开发商{company}以各种理由拒绝购房人使用公积金贷款。诉求：督促开发商依法配合。' },
  ],
  'ZFGJJ.JC': [
    { type: 'complaint', title: '单位未缴存公积金', content: '市民来电反映：其在{company}工作三年，单位一直未为员工缴存住房公积金。诉求：公积金中心督促单位依法缴存。' },
    { type: 'complaint', title: '单位公积金缴存基数偏低', content: '市民来电反映：{company}按照最低工资标准为员工缴存住房公积金，与实际工资差距较大。诉求：核查单位缴存基数是否合规。' },
  ],

  // ---- 退役军人 ----
  'TYJR.YFDY': [
    { type: 'inquiry', title: '咨询退役军人优待政策', content: '市民来电咨询：其为退役军人，想了解漯河退役军人在就医、乘车、景区游览等方面有哪些优待，以及优待证如何办理。' },
    { type: 'help', title: '定期抚恤补助未按时发放', content: '市民来电反映：其父亲为参战退役人员，户籍在{district}{street}，本季度定期抚恤补助至今未到账。诉求：核实并尽快发放。' },
  ],
  'TYJR.AZJY': [
    { type: 'inquiry', title: '咨询退役士兵安置政策', content: '市民来电咨询：其儿子今年退役回到{district}，想了解符合安排工作条件的退役士兵安置流程和自主就业一次性经济补助标准。' },
    { type: 'help', title: '退役军人希望参加技能培训', content: '市民来电反映：其为自主就业退役军人，想参加免费的职业技能培训提升就业能力，但不了解报名渠道。诉求：提供培训信息和就业帮扶。' },
  ],

  // ---- 残疾人 ----
  'CJR.CJZ': [
    { type: 'inquiry', title: '咨询办理残疾人证流程', content: '市民来电咨询：其母亲因中风导致行动不便，想了解办理残疾人证需要到哪里进行残疾评定、需要携带哪些材料。' },
    { type: 'complaint', title: '残疾评定等待时间过长', content: '市民来电反映：其已向{district}残联提交残疾人证申请，但评定医院排期太长，已等待两个多月仍未安排评定。诉求：加快评定。' },
  ],
  'CJR.BTKF': [
    { type: 'inquiry', title: '咨询残疾人两项补贴', content: '市民来电咨询：其家中有一名二级肢体残疾人，想了解困难残疾人生活补贴和重度残疾人护理补贴的申领条件。' },
    { type: 'help', title: '残疾儿童康复救助', content: '市民来电反映：其孩子被诊断为孤独症，家庭经济困难，康复训练费用很高。诉求：了解残疾儿童康复救助政策并申请帮助。' },
  ],
  'CJR.WZA': [
    { type: 'complaint', title: '盲道被占用', content: '市民来电反映：{district}{road}人行道上的盲道被店铺招牌、电动车等大量占用，部分盲道还通向树池，视障人士无法正常使用。诉求：整治盲道。' },
    { type: 'suggestion', title: '建议办事大厅增设无障碍坡道', content: '市民来电建议：{district}{street}便民服务中心入口只有台阶，没有无障碍坡道，坐轮椅的残疾人无法进入，建议增设无障碍设施。' },
  ],

  // ---- 经济发展与营商环境 ----
  'JJFZ.YSHJ': [
    { type: 'complaint', title: '项目审批要求重复提交材料', content: '企业来电反映：{company}在{district}投资建设的项目办理施工许可时，被要求重复提交材料，前后跑了五六趟仍未办结。诉求：优化审批流程。' },
    { type: 'complaint', title: '政府投资项目拖欠工程款', content: '企业来电反映：{company}承接的{district}某政府投资项目已竣工验收两年，工程款仍有300余万元未支付。诉求：协调尽快支付。' },
  ],
  'JJFZ.HQZC': [
    { type: 'inquiry', title: '咨询中小企业扶持政策', content: '企业来电咨询：{company}为小微企业，想了解漯河对中小企业在融资担保、技术改造、稳岗方面有哪些扶持政策及申报方式。' },
    { type: 'inquiry', title: '咨询专精特新企业申报', content: '企业来电咨询：{company}想申报省级专精特新中小企业，想了解申报条件、时间节点以及在哪里提交材料。' },
  ],
  'JJFZ.KJXM': [
    { type: 'inquiry', title: '咨询高新技术企业认定', content: '企业来电咨询：{company}计划申请高新技术企业认定，想了解认定条件、研发费用归集要求以及认定后的税收优惠。' },
    { type: 'complaint', title: '科技项目奖补资金未兑现', content: '企业来电反映：{company}去年获批市级科技创新项目，按政策应给予奖补资金，至今未兑现。诉求：核实资金拨付进度。' },
  ],
  'JJFZ.CZZJ': [
    { type: 'complaint', title: '政府采购货款支付延迟', content: '企业来电反映：{company}去年中标{district}某单位政府采购项目，货物已交付验收半年，采购资金仍未支付。诉求：财政部门督促采购单位按合同付款。' },
    { type: 'inquiry', title: '咨询惠民惠农一卡通补贴', content: '市民来电咨询：想了解惠民惠农财政补贴“一卡通”发放哪些补贴、如何查询补贴发放明细，以及银行卡丢失后怎么补办。' },
  ],
  'JJFZ.LSSG': [
    { type: 'complaint', title: '收购点压级压价', content: '市民来电反映：其到{district}{street}一家粮食收购点售粮，收购方以水分超标为由压级压价，每斤比市场价低一毛多。诉求：粮食部门核查收购行为。' },
    { type: 'inquiry', title: '咨询小麦最低收购价', content: '市民来电咨询：想了解今年小麦最低收购价执行预案是否启动、收购价格是多少，以及{district}哪些收储库点可以售粮。' },
  ],

  // ---- 政务服务与综合 ----
  'ZHFW.ZWFW': [
    { type: 'complaint', title: '政务大厅窗口人员离岗', content: '市民来电反映：其上午到市政务服务中心办事，某窗口工作人员长时间离岗，排队群众等待一个多小时无人受理。诉求：加强窗口管理。' },
    { type: 'praise', title: '表扬政务服务中心帮办代办', content: '市民来电表扬：其到政务服务中心办理营业执照，工作人员主动帮办代办，一次就办结，效率很高，特此表扬。' },
  ],
  'ZHFW.XFSX': [
    { type: 'inquiry', title: '咨询信访事项办理进度', content: '市民来电咨询：其一个月前通过网上信访平台反映问题，至今未收到受理告知，想了解如何查询办理进度。' },
    { type: 'help', title: '信访事项长期未解决', content: '市民来电反映：其反映的{district}{street}宅基地纠纷问题已多次信访，至今未得到解决。诉求：请信访部门协调督办。' },
  ],
  'ZHFW.FLYZ': [
    { type: 'inquiry', title: '咨询申请法律援助', content: '市民来电咨询：其被拖欠工资准备起诉，但经济困难请不起律师，想了解申请法律援助的条件和{district}法律援助中心的地址。' },
    { type: 'help', title: '邻里纠纷申请人民调解', content: '市民来电反映：其与邻居因宅基地边界产生纠纷，多次争吵，担心矛盾激化。诉求：{street}人民调解委员会介入调解。' },
  ],
  'ZHFW.FNQY': [
    { type: 'help', title: '遭受家庭暴力求助', content: '市民来电反映：其长期遭受丈夫家庭暴力，目前暂住在亲戚家，不知如何申请人身安全保护令。诉求：妇联提供帮助和法律指导。' },
    { type: 'report', title: '发现疑似被虐待儿童', content: '市民来电反映：{community}小区某户人家经常传出孩子哭喊声，邻居曾看到孩子身上有伤痕，怀疑孩子被虐待。诉求：相关部门上门核实。' },
  ],
  'ZHFW.ZGWQ': [
    { type: 'help', title: '职工申请工会法律援助', content: '市民来电反映：其为{company}职工，与单位存在工资报酬纠纷，单位未成立工会，想寻求总工会的法律援助和帮助。' },
    { type: 'inquiry', title: '咨询困难职工帮扶政策', content: '市民来电咨询：其家中因病致困，本人为企业在职职工，想了解工会对困难职工有哪些帮扶救助政策、如何申请。' },
  ],
  'ZHFW.QXFW': [
    { type: 'inquiry', title: '咨询近期天气情况', content: '市民来电咨询：其准备组织户外活动，想了解本周末漯河是否有降雨、大风等天气，以及如何及时获取气象预警信息。' },
    { type: 'suggestion', title: '建议多渠道发布气象预警', content: '市民来电建议：上次暴雨来临前未收到任何气象预警短信，建议气象部门通过短信、广播等多渠道及时向群众发布预警信息。' },
  ],
  'ZHFW.RFGC': [
    { type: 'complaint', title: '人防车位被出售', content: '市民来电反映：{community}小区开发商{company}将地下人防工程车位以“使用权”名义出售给业主，售价十几万元。诉求：人防部门核实是否合规。' },
    { type: 'inquiry', title: '咨询防空警报试鸣时间', content: '市民来电咨询：其今天上午听到警报声，想了解是否为防空警报试鸣，以及漯河每年防空警报试鸣的时间安排。' },
  ],
};

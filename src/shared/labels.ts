/**
 * The zh-CN labels of the platform's vocabulary (statuses, roles, kinds, call outcomes), in ONE place that both
 * sides use: the server's presenters and reports import this file, the console imports it through the path alias
 * `@shared/labels.ts` (web/tsconfig.json, web/vite.config.ts). It is plain data: it imports nothing, so either
 * side may take it (`npm run lint:deps` checks that src/shared imports nothing).
 *
 * Each map is `as const` so that the server can declare it complete for its own union
 * (`STATUS_LABELS satisfies Record<Status, string>` in orders/state-machine.ts).
 */

export const STATUS_LABELS = {
  submitted: '待受理',
  registered: '已登记',
  dispatched: '已交办',
  in_progress: '办理中',
  returned: '已退回',
  replied: '已反馈',
  closed: '已办结',
  archived: '已归档',
  merged: '已合并',
} as const;

export const CHANNEL_LABELS = {
  phone: '电话',
  web: '网站',
  app: 'APP',
  wechat: '微信',
  email: '电子邮件',
  letter: '信件',
  transfer: '上级转办',
} as const;

export const TYPE_LABELS = {
  inquiry: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  praise: '表扬',
  other: '其他',
} as const;

export const URGENCY_LABELS = { normal: '一般', urgent: '紧急' } as const;

export const SATISFACTION_LABELS = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
} as const;

export const RETURN_REASON_LABELS = {
  not_our_duty: '非本单位职责',
  wrong_category: '分类错误',
  out_of_jurisdiction: '不属本辖区',
  insufficient_info: '诉求信息不全',
  duplicate: '重复工单',
  other: '其他',
} as const;

export const ACTION_LABELS = {
  create: '登记',
  submit: '市民提交',
  accept: '受理',
  'close-direct': '直接办结',
  dispatch: '交办',
  sign: '签收',
  return: '退回',
  'judge-return': '退回认定',
  'request-extension': '申请延期',
  'decide-extension': '延期审核',
  supervise: '督办',
  instruct: '批示',
  reply: '反馈',
  'send-back': '退回重办',
  callback: '回访',
  close: '办结',
  appeal: '申诉',
  'decide-appeal': '申诉审核',
  merge: '合并',
  'merged-in': '合并入本单',
  archive: '归档',
  'deadline-warning': '临期提醒',
  'auto-supervise': '超期自动督办',
  'co-sign': '协办签收',
  'co-reply': '协办答复',
  'release-co': '解除协办',
  'co-overdue': '协办超期',
  dispute: '派单异议',
  'decide-dispute': '异议裁定',
  'request-pause': '申请挂起',
  'decide-pause': '挂起审核',
  resume: '恢复办理',
  'auto-resume': '到期自动恢复办理',
} as const;

export const ROLE_LABELS = {
  agent: '话务员',
  team_lead: '班长',
  office: '热线办',
  department: '承办单位',
  admin: '系统管理员',
  switch: '交换机接口',
  kb_editor: '知识库管理员',
  system: '系统',
  citizen: '市民',
} as const;

export const APPEAL_LABELS = {
  none: '无',
  pending: '申诉中',
  accepted: '申诉通过',
  rejected: '申诉驳回',
} as const;

export const EXTENSION_OUTCOME_LABELS = {
  pending: '待审核',
  approved: '已批准',
  rejected: '已驳回',
  withdrawn: '已撤回',
} as const;

export const DEADLINE_LABELS = { normal: '正常', warned: '临期', overdue: '超期' } as const;

export const ABANDON_REASON_LABELS = {
  caller_hangup: '主动挂机',
  timeout: '排队超时',
  no_agents: '无人值守',
  exit_key: '按键离队',
  other: '其他',
} as const;

export const CALLBACK_STATUS_LABELS = {
  open: '待回拨',
  done: '已回拨',
  unreachable: '无法联系',
} as const;

export const EXEMPTION_STATUS_LABELS = {
  pending: '待审核',
  approved: '已批准',
  rejected: '已驳回',
} as const;

export const CALL_OUTCOME_LABELS = {
  answered: '已接通',
  abandoned: '已放弃',
  waiting: '排队中',
} as const;

export const CALL_GRANULARITY_LABELS = {
  interval: '30 分钟',
  day: '日',
  month: '月',
  quarter: '季',
  year: '年',
} as const;

export const CALL_IMPORT_FORMAT_LABELS = {
  generic: '通用格式（CSV / JSONL）',
  'asterisk-queue-log': 'Asterisk queue_log（含 FreePBX / Issabel）',
  freeswitch: 'FreeSWITCH mod_cdr_csv（mod_callcenter）',
} as const;

export const CALL_SOURCE_LABELS = {
  generic: '通用导入',
  asterisk: 'Asterisk',
  freeswitch: 'FreeSWITCH',
  live: '实时推送',
  simulator: '模拟',
} as const;

export const ALERT_SEVERITY_LABELS = {
  critical: '严重',
  warning: '警告',
  info: '提示',
} as const;

export const IVR_RATING_LABELS = {
  1: '很不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '很满意',
} as const;

/** 答复意见评价: the elements a department reply is read for, and the verdicts (quality/replies, the order page). */
export const REPLY_ELEMENT_LABELS = {
  action: '办理措施',
  actor: '办理单位',
  time: '办理时间',
  basis: '政策依据',
  contact: '联系方式或后续途径',
} as const;

export const REPLY_VERDICT_LABELS = { good: '良好', fair: '一般', poor: '较差' } as const;

/** 部门考评: the scorecard's figures (reports/scorecard-*, the office's and the department's screens, the XLSX). */
export const SCORECARD_FIGURE_LABELS = {
  received: '接收',
  signedOnTime: '按时签收',
  due: '到期',
  handledOnTime: '按时答复',
  overdue: '超期',
  returned: '退回',
  returnedOperatorFault: '退回·派单错误',
  returnedNotOperatorFault: '退回·单位原因',
  returnedUnjudged: '退回·待认定',
  extensions: '延期申请',
  extensionsApproved: '延期·同意',
  extensionsRejected: '延期·不同意',
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
  repliesScored: '答复评价',
  repliesGood: '答复良好',
  repliesFair: '答复一般',
  repliesPoor: '答复较差',
  repliesOverridden: '办公室复核',
  signedOnTimeRate: '按时签收率',
  handledOnTimeRate: '按时答复率',
  satisfactionRate: '满意率',
  replyGoodRate: '答复良好率',
  replyMeanScore: '答复平均分',
  coReceived: '协办接收',
  coAnsweredOnTime: '协办按时答复',
  coOverdue: '协办超期',
  coReleased: '协办解除',
  coOnTimeRate: '协办按时率',
  disputesRaised: '派单异议',
  disputesUpheld: '异议·维持',
  disputesRedirected: '异议·改派',
  disputesJoint: '异议·联合办理',
  pauseRequests: '挂起申请',
  pausesApproved: '挂起·同意',
  pausedWorkingHours: '挂起工时',
} as const;

/** 派单异议 — where a dispute stands: waiting, one of the office's three decisions, or withdrawn. */
export const DISPUTE_OUTCOME_LABELS = {
  pending: '待裁定',
  uphold: '维持原派单',
  redirect: '改派',
  joint: '联合办理',
  withdrawn: '已撤回',
} as const;

/** 挂起原因 — the default list (the setting orders.pauseReasons may name others, with their own labels). */
export const PAUSE_REASON_LABELS = {
  awaiting_materials: '等待群众补充材料',
  awaiting_inspection: '等待现场勘验/检测',
  legal_procedure: '法定程序：复议、诉讼、鉴定等',
} as const;

/** A pause's course: asked, refused, withdrawn (the order left the department first), running, over. */
export const PAUSE_STATUS_LABELS = {
  pending: '待审核',
  rejected: '已驳回',
  withdrawn: '已撤回',
  active: '挂起中',
  ended: '已恢复',
} as const;

/** The order's pause state as lists show it. */
export const PAUSE_STATE_LABELS = { none: '—', pending: '挂起审核中', paused: '已挂起' } as const;

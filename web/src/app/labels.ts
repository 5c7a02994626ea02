/** zh-CN labels of the work-order vocabulary, in one place for the whole console. */

export const STATUS_LABELS: Record<string, string> = {
  submitted: '待受理',
  registered: '已登记',
  dispatched: '已交办',
  in_progress: '办理中',
  returned: '已退回',
  replied: '已反馈',
  closed: '已办结',
  archived: '已归档',
  merged: '已合并',
};

export const STATUS_COLORS: Record<string, string> = {
  submitted: 'gold',
  registered: 'blue',
  dispatched: 'geekblue',
  in_progress: 'processing',
  returned: 'volcano',
  replied: 'cyan',
  closed: 'green',
  archived: 'default',
  merged: 'default',
};

export const CHANNEL_LABELS: Record<string, string> = {
  phone: '电话',
  web: '网站',
  app: 'APP',
  wechat: '微信',
  email: '电子邮件',
  letter: '信件',
  transfer: '上级转办',
};

export const TYPE_LABELS: Record<string, string> = {
  inquiry: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  praise: '表扬',
  other: '其他',
};

export const URGENCY_LABELS: Record<string, string> = { normal: '一般', urgent: '紧急' };

export const SATISFACTION_LABELS: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

export const RETURN_REASON_LABELS: Record<string, string> = {
  not_our_duty: '非本单位职责',
  wrong_category: '分类错误',
  out_of_jurisdiction: '不属本辖区',
  insufficient_info: '诉求信息不全',
  duplicate: '重复工单',
  other: '其他',
};

export const ACTION_LABELS: Record<string, string> = {
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
  callback: '回访',
  close: '办结',
  appeal: '申诉',
  'decide-appeal': '申诉审核',
  merge: '合并',
  'merged-in': '合并入本单',
  archive: '归档',
  'deadline-warning': '临期提醒',
  'auto-supervise': '超期自动督办',
};

export const ROLE_LABELS: Record<string, string> = {
  agent: '话务员',
  team_lead: '班长',
  office: '热线办',
  department: '承办单位',
  admin: '系统管理员',
  switch: '交换机接口',
  kb_editor: '知识库管理员',
  system: '系统',
  citizen: '市民',
};

export const APPEAL_LABELS: Record<string, string> = {
  none: '无',
  pending: '申诉中',
  accepted: '申诉通过',
  rejected: '申诉驳回',
};

export const EXTENSION_OUTCOME_LABELS: Record<string, string> = {
  pending: '待审核',
  approved: '已批准',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

export const DEADLINE_LABELS: Record<string, string> = { normal: '正常', warned: '临期', overdue: '超期' };

/* ---- Contact centre (话务) ---- */

export const ABANDON_REASON_LABELS: Record<string, string> = {
  caller_hangup: '主动挂机',
  timeout: '排队超时',
  no_agents: '无人值守',
  exit_key: '按键离队',
  other: '其他',
};

export const CALLBACK_STATUS_LABELS: Record<string, string> = {
  open: '待回拨',
  done: '已回拨',
  unreachable: '无法联系',
};

export const EXEMPTION_STATUS_LABELS: Record<string, string> = {
  pending: '待审核',
  approved: '已批准',
  rejected: '已驳回',
};

export const EXEMPTION_STATUS_COLORS: Record<string, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'default',
};

export const CALL_OUTCOME_LABELS: Record<string, string> = {
  answered: '已接通',
  abandoned: '已放弃',
  waiting: '排队中',
};

export const CALL_GRANULARITY_LABELS: Record<string, string> = {
  interval: '30 分钟',
  day: '日',
  month: '月',
  quarter: '季',
  year: '年',
};

export const CALL_IMPORT_FORMAT_LABELS: Record<string, string> = {
  generic: '通用格式（CSV / JSONL）',
  'asterisk-queue-log': 'Asterisk queue_log（含 FreePBX / Issabel）',
  freeswitch: 'FreeSWITCH mod_cdr_csv（mod_callcenter）',
};

export const CALL_SOURCE_LABELS: Record<string, string> = {
  generic: '通用导入',
  asterisk: 'Asterisk',
  freeswitch: 'FreeSWITCH',
  live: '实时推送',
  simulator: '模拟',
};

export const ALERT_SEVERITY_LABELS: Record<string, string> = {
  critical: '严重',
  warning: '警告',
  info: '提示',
};

export const IVR_RATING_LABELS: Record<number, string> = {
  1: '很不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '很满意',
};

export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

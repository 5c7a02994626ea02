/** The city's districts, counties and functional zones, as agents write them in an order's location. */
export const DISTRICTS = [
  '源汇区',
  '郾城区',
  '召陵区',
  '舞阳县',
  '临颍县',
  '漯河经济技术开发区',
  '西城区',
] as const;

/** Digits needed before the caller's earlier orders are looked up. */
export const PHONE_LOOKUP_MIN_DIGITS = 7;

/** The server's telephone format (src/modules/orders/model.ts). */
export const PHONE_PATTERN = /^[0-9+\-() ]{5,20}$/;

export type ShortcutId =
  'new' | 'dispatch' | 'closeDirect' | 'category' | 'intakeTab' | 'submissionsTab' | 'queuesTab';

/** Alt + key, matched on the physical key (`KeyboardEvent.code`) so macOS Option characters do not matter. */
export const SHORTCUTS: { id: ShortcutId; code: string; keys: string; label: string }[] = [
  { id: 'new', code: 'KeyN', keys: 'Alt+N', label: '新来电（清空并定位电话）' },
  { id: 'category', code: 'KeyS', keys: 'Alt+S', label: '搜索分类' },
  { id: 'dispatch', code: 'KeyD', keys: 'Alt+D', label: '派单' },
  { id: 'closeDirect', code: 'KeyJ', keys: 'Alt+J', label: '直接办结' },
  { id: 'intakeTab', code: 'Digit1', keys: 'Alt+1', label: '来电登记' },
  { id: 'submissionsTab', code: 'Digit2', keys: 'Alt+2', label: '网络诉求' },
  { id: 'queuesTab', code: 'Digit3', keys: 'Alt+3', label: '我的队列' },
];

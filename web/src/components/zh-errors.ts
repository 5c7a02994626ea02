import type { FormInstance } from 'antd';
import { ApiError } from '../app/api.ts';
import { applyServerErrors } from './server-errors.ts';

/**
 * The server names bad fields with English messages (zod's and its own); the console is Chinese. Known messages
 * are translated, unknown ones are kept as they are so nothing the server said is lost.
 */
const PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^required$/, () => '必填'],
  [/^Too small: expected string to have >=1 characters?/, () => '不能为空'],
  [/^Too small: expected string to have >=(\d+)/, (m) => `至少 ${m[1]} 个字符`],
  [/^Too big: expected string to have <=(\d+)/, (m) => `不能超过 ${m[1]} 个字符`],
  [/^Too small: expected number to be >=?(-?\d+)/, (m) => `不能小于 ${m[1]}`],
  [/^Too big: expected number to be <=?(-?\d+)/, (m) => `不能大于 ${m[1]}`],
  [/^Invalid option/, () => '选项无效'],
  [/^Invalid input: expected \w+, received undefined/, () => '必填'],
  [/^Invalid input/, () => '格式不正确'],
  [/^a telephone number/, () => '电话号码格式不正确（只能包含数字、+、-、空格，5–20 位）'],
  [/^letters, digits.*\((\d+)–(\d+)\)/, (m) => `只能使用字母、数字和“_”“-”“.”（${m[1]}–${m[2]} 位）`],
  [/^already exists$/, () => '已存在'],
  [/^would make a cycle$/, () => '不能选择自身或其下级作为上级'],
  [/^no department/, () => '承办单位不存在'],
  [/^no category/, () => '分类不存在'],
  [/^a department handler must belong/, () => '承办单位角色必须选择所属单位'],
  [/^only role "department"/, () => '只有承办单位角色才能绑定单位'],
  [/^at least 8 characters$/, () => '密码至少 8 位'],
  [/^must contain a letter and a digit$/, () => '密码须同时包含字母和数字'],
  [/^must not be before from$/, () => '结束日期不能早于开始日期'],
  [/^a date YYYY-MM-DD$/, () => '日期格式应为 YYYY-MM-DD'],
];

export function zhFieldMessage(message: string): string {
  for (const [re, fn] of PATTERNS) {
    const m = message.match(re);
    if (m) return fn(m);
  }
  return message;
}

/** The error with Chinese field messages and, given the form's labels, a Chinese summary naming the fields. */
export function localizeError(err: unknown, labels: Record<string, string> = {}): unknown {
  if (!(err instanceof ApiError) || !err.fields.length) return err;
  const fields = err.fields.map((f) => ({ field: f.field, message: zhFieldMessage(f.message) }));
  const names = [...new Set(err.fields.map((f) => labels[f.field] ?? f.field))].join('、');
  const summary = err.status === 400 ? `输入有误：${names}` : err.messageZh;
  return new ApiError(err.status, err.code, err.message, summary, fields, err.details);
}

/** applyServerErrors with the field messages in Chinese. */
export function applyZhServerErrors(
  form: FormInstance,
  err: unknown,
  labels: Record<string, string> = {},
): string {
  return applyServerErrors(form, localizeError(err, labels));
}

import type { FormInstance } from 'antd';
import { ApiError } from '../app/api.ts';

/**
 * Puts the server's field errors on the form's fields (`caller.phone` → ['caller', 'phone']) and returns the
 * message for the rest, so nothing the server said is lost.
 */
export function applyServerErrors(form: FormInstance, err: unknown): string {
  if (!(err instanceof ApiError)) return '操作失败，请稍后重试';
  if (err.fields.length) {
    const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
    form.setFields(err.fields.map((f) => ({ name: f.field.split('.'), errors: [f.message] })));
    const unknown = err.fields.filter((f) => !known.has(f.field.split('.')[0]!));
    if (!unknown.length) return err.messageZh;
    return `${err.messageZh}（${unknown.map((f) => `${f.field}: ${f.message}`).join('；')}）`;
  }
  return err.messageZh;
}

/** A bad field in a request: where (dotted path) and what is wrong. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The one error type of the platform: a stable machine code, the HTTP status, and a message in English and in
 * Chinese (the console shows `messageZh`). `details` carries structured extras such as the bad fields or the
 * actions that are allowed instead.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly messageZh: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function validationFailed(fields: FieldError[]): AppError {
  const names = fields.map((f) => f.field).join(', ');
  return new AppError('validation_failed', 400, `Invalid input: ${names}`, `输入有误：${names}`, { fields });
}

export function notFound(what: string, whatZh: string): AppError {
  return new AppError('not_found', 404, `${what} not found`, `${whatZh}不存在`);
}

export function forbidden(why = 'Your role may not do this', whyZh = '当前角色无权执行此操作'): AppError {
  return new AppError('forbidden', 403, why, whyZh);
}

export function unauthenticated(): AppError {
  return new AppError('unauthenticated', 401, 'Sign in first', '请先登录');
}

export function conflict(
  code: string,
  message: string,
  messageZh: string,
  details: Record<string, unknown> = {},
) {
  return new AppError(code, 409, message, messageZh, details);
}

/** 409 for a value that must be unique, naming the field (e.g. a department code or a username). */
export function duplicate(field: string, what: string, whatZh: string): AppError {
  return new AppError(`duplicate_${field}`, 409, `${what} already exists`, `${whatZh}已存在`, {
    fields: [{ field, message: 'already exists' }],
  });
}

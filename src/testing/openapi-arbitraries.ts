import fc from 'fast-check';

/** The part of an OpenAPI 3.0 schema object the generators read. */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  exclusiveMinimum?: boolean | number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  body: JsonSchema | null;
}

/** Every operation of the OpenAPI document, with its parameters and JSON body schema. */
export function operationsOf(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }) {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters as Operation['parameters'] | undefined) ?? [],
        body: content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

/**
 * Values an attacker sends: NUL, lone surrogates, numbers past int4 and past 2^53, impossible and absurd dates,
 * huge strings, wrong types. Each must be answered with a 4xx, never a 5xx.
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  2_147_483_648,
  -2_147_483_649,
  2 ** 53 + 2,
  1e308,
  -1,
  0,
  1.5,
  '2026-02-30',
  '2026-02-30T10:00:00+08:00',
  '-1',
  '0000-01-01',
  '+275760-09-13T00:00:00.000Z',
  '9999-12-31T23:59:59Z',
  '2026-13-01',
  "'; drop table orders; --",
  '<script>alert(1)</script>',
  'x'.repeat(120_000),
  '',
  true,
  null,
  [],
  {},
  [1, 2, 3],
);

/** Hostile values for a path or query parameter, as the raw text put in the URL (already encoded). */
export const hostileUrlValue: fc.Arbitrary<string> = fc.constantFrom(
  '%00',
  'a%00b',
  '%ED%A0%80',
  '2147483648',
  '99999999999999999999',
  '-1',
  '0',
  '1e400',
  'NaN',
  '2026-02-30',
  '-1',
  '0000-01-01',
  '%2B275760-09-13',
  'abc',
  '%27%3B--',
  'x'.repeat(3000),
);

const validDate = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function validString(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'date-time') return validDate;
  if (s.format === 'date') return validDate.map((d) => d.slice(0, 10));
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 30, min + 30);
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.constantFrom('13900001111', '2025-03-03', 'agent', 'zh', '张三', '1'),
  );
}

/** A value that fits `schema` (roughly: patterns are not honoured), to reach the handler behind the schema. */
export function validValue(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.constant(null);
  const inner = validValueNonNull(schema, depth);
  return schema.nullable ? fc.oneof({ weight: 4, arbitrary: inner }, fc.constant(null)) : inner;
}

function validValueNonNull(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (s.enum && s.enum.length > 0) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives && alternatives.length > 0)
    return fc.oneof(...alternatives.map((a) => validValue(a, depth + 1)));
  if (s.allOf && s.allOf.length > 0) return validValue(s.allOf[0], depth + 1);
  switch (s.type) {
    case 'integer': {
      const low = Math.max((s.minimum ?? -3) + (s.exclusiveMinimum === true ? 1 : 0), -3);
      return fc.integer({ min: low, max: Math.min(s.maximum ?? low + 8, low + 8) });
    }
    case 'number':
      return fc.double({ min: 0, max: 100, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return validString(s);
    case 'array':
      return fc.array(validValue(s.items, depth + 1), { maxLength: 3 });
    case 'object':
      return objectValue(s, depth, validValue);
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer({ min: 0, max: 5 }));
  }
}

function objectValue(
  s: JsonSchema,
  depth: number,
  leaf: (schema: JsonSchema | undefined, depth: number) => fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = leaf(v, depth + 1);
  const requiredKeys = Object.keys(props).filter((k) => required.has(k));
  return fc.record(model, { requiredKeys });
}

/** Mostly a fitting value, sometimes a hostile one, at any depth: the mix that finds unchecked paths. */
export function fuzzValue(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostileValue;
  const fitting =
    schema.type === 'object' && schema.properties
      ? objectValue(schema, depth, fuzzValue)
      : schema.type === 'array'
        ? fc.array(fuzzValue(schema.items, depth + 1), { maxLength: 3 })
        : validValue(schema, depth);
  return fc.oneof({ weight: 3, arbitrary: fitting }, { weight: 1, arbitrary: hostileValue });
}

/** A URL parameter: a fitting value (encoded) or a hostile raw one. */
export function urlValue(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const fitting = validValue(schema).map((v) => encodeURIComponent(String(v ?? '')));
  return fc.oneof({ weight: 2, arbitrary: fitting }, { weight: 1, arbitrary: hostileUrlValue });
}

export interface FuzzRequest {
  method: string;
  url: string;
  payload: unknown;
}

/** Requests for one operation: path and query parameters filled, a JSON body when the operation takes one. */
export function requestOf(op: Operation): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(...pathParams.map((p) => urlValue(p.schema)));
  const queryArb = fc.tuple(...queryParams.map((p) => fc.option(urlValue(p.schema), { nil: undefined })));
  const bodyArb = op.body
    ? fc.oneof({ weight: 5, arbitrary: fuzzValue(op.body) }, hostileValue)
    : fc.constant(undefined);
  return fc.tuple(pathArb, queryArb, bodyArb).map(([pathValues, queryValues, payload]) => {
    let url = op.path;
    pathParams.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, pathValues[i] || '1');
    });
    const query = queryParams
      .map((p, i) => (queryValues[i] === undefined ? null : `${p.name}=${queryValues[i]}`))
      .filter((q) => q !== null);
    if (query.length > 0) url += `?${query.join('&')}`;
    return { method: op.method, url, payload };
  });
}

import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * The answers' serializer: each route's zod response schema compiled once into a function that writes the JSON
 * directly, checking every value on the way (issue 18: zod's encode of the whole answer, then JSON.stringify,
 * was 6–8 % of intake's CPU). It writes exactly what `JSON.stringify(z.encode(schema, data))` writes — the
 * schema's keys in the schema's order, undeclared keys left out — for the plain shapes answers use (objects,
 * arrays, strings, numbers, booleans, dates, enums, literals, nullable, optional, unknown). A schema with
 * anything else (a transform, a union, a check such as `.min()`) keeps zod's serializer; a value the fast
 * path doubts (wrong type, a non-finite number, an invalid date) is handed to zod, which answers as before —
 * the same JSON or the same serialization error. Under vitest each answer is also written by zod and compared.
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = (route) => {
  const slow = zodSerializerCompiler(route) as (data: unknown) => string;
  const schema = resolveSchema(route.schema);
  const fast = schema ? compile(schema) : null;
  if (!fast) return slow;
  const checked = (data: unknown): string => {
    try {
      return fast(data);
    } catch (err) {
      if (err === DOUBT) return slow(data);
      throw err;
    }
  };
  if (!process.env.VITEST) return checked;
  return (data) => {
    const mine = checked(data);
    const zods = slow(data);
    if (mine !== zods)
      throw new Error(`fast serializer differs from zod for ${route.method} ${route.url}:\n${mine}\n${zods}`);
    return mine;
  };
};

/** Thrown by a writer that cannot vouch for a value: the answer is then written by zod. */
const DOUBT = Symbol('doubt');
function doubt(): never {
  throw DOUBT;
}

type Writer = (value: unknown) => string;
/** Writes a field's value, or undefined where the key is left out (optional or unknown, and undefined). */
type FieldWriter = (value: unknown) => string | undefined;

interface Def {
  type: string;
  [k: string]: unknown;
}
const defOf = (schema: unknown): Def | null => (schema as { _zod?: { def?: Def } } | null)?._zod?.def ?? null;

/** As fastify-type-provider-zod resolves it: the schema itself or `{ properties: schema }`. */
function resolveSchema(maybe: unknown): unknown {
  if (defOf(maybe)) return maybe;
  const props = (maybe as { properties?: unknown } | null)?.properties;
  return defOf(props) ? props : null;
}

/** True when the definition has no key but the listed ones (and no checks): a plain type, nothing to apply. */
function plain(def: Def, ...allowed: string[]): boolean {
  for (const k of Object.keys(def)) {
    if (k === 'type' || allowed.includes(k)) continue;
    if (k === 'checks' && Array.isArray(def.checks) && def.checks.length === 0) continue;
    return false;
  }
  return true;
}

const writeString: Writer = (v) => (typeof v === 'string' ? JSON.stringify(v) : doubt());
const writeNumber: Writer = (v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : doubt());
const writeBoolean: Writer = (v) => (v === true ? 'true' : v === false ? 'false' : doubt());
const writeDate: Writer = (v) =>
  v instanceof Date && !Number.isNaN(v.getTime()) ? `"${v.toISOString()}"` : doubt();

/** The writer of one schema, or null where zod must do it (see `serializerCompiler`). */
export function compile(schema: unknown): Writer | null {
  const field = compileField(schema);
  if (!field) return null;
  return (v) => field(v) ?? doubt();
}

function compileField(schema: unknown): FieldWriter | null {
  const def = defOf(schema);
  if (!def) return null;
  switch (def.type) {
    case 'string':
      return plain(def) ? writeString : null;
    case 'number':
      return plain(def) ? writeNumber : null;
    case 'boolean':
      return plain(def) ? writeBoolean : null;
    case 'date':
      return plain(def) ? writeDate : null;
    case 'unknown':
    case 'any':
      // Whatever it is, zod passes it through and JSON.stringify writes it (undefined: the key is left out).
      return plain(def) ? (v) => JSON.stringify(v) as string | undefined : null;
    case 'enum': {
      if (!plain(def, 'entries')) return null;
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (v) => (values.has(v) ? JSON.stringify(v) : doubt());
    }
    case 'literal': {
      if (!plain(def, 'values')) return null;
      const values = new Set(def.values as unknown[]);
      return (v) => (values.has(v) && v !== undefined ? JSON.stringify(v) : doubt());
    }
    case 'nullable': {
      const inner = plain(def, 'innerType') ? compileField(def.innerType) : null;
      return inner && ((v) => (v === null ? 'null' : inner(v)));
    }
    case 'optional': {
      const inner = plain(def, 'innerType') ? compileField(def.innerType) : null;
      return inner && ((v) => (v === undefined ? undefined : inner(v)));
    }
    case 'array': {
      const item = plain(def, 'element') ? compileField(def.element) : null;
      if (!item) return null;
      return (v) => {
        if (!Array.isArray(v)) doubt();
        let out = '[';
        for (let i = 0; i < v.length; i++) {
          if (i > 0) out += ',';
          out += item(v[i]) ?? 'null';
        }
        return out + ']';
      };
    }
    case 'object': {
      // No catchall: zod strips undeclared keys (a loose or strict object keeps zod's serializer).
      if (!plain(def, 'shape')) return null;
      const fields: { key: string; prefix: string; write: FieldWriter; optional: boolean }[] = [];
      for (const [key, s] of Object.entries(def.shape as Record<string, unknown>)) {
        const write = compileField(s);
        if (!write) return null;
        fields.push({
          key,
          prefix: `${JSON.stringify(key)}:`,
          write,
          optional: defOf(s)?.type === 'optional',
        });
      }
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) doubt();
        const o = v as Record<string, unknown>;
        let out = '{';
        for (const f of fields) {
          const field = o[f.key];
          // A key that is not there at all is an error for zod unless declared optional (even for z.unknown()).
          if (field === undefined && !f.optional && !(f.key in o)) doubt();
          const value = f.write(field);
          if (value === undefined) continue;
          if (out.length > 1) out += ',';
          out += f.prefix + value;
        }
        return out + '}';
      };
    }
    default:
      return null;
  }
}

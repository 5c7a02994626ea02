import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validationFailed } from '../../platform/errors.ts';
import { ContractDefinition } from './model.ts';

/** The contracts kept in the repository (contracts/*.json): loaded into the database on start. */
export const CONTRACTS_DIR = fileURLToPath(new URL('../../../contracts', import.meta.url));

/** Parses and checks a contract definition, naming each bad field. */
export function parseContractDefinition(json: unknown): ContractDefinition {
  const parsed = ContractDefinition.safeParse(json);
  if (!parsed.success) {
    throw validationFailed(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'definition', message: i.message })),
    );
  }
  const c = parsed.data;
  if (c.term.to <= c.term.from)
    throw validationFailed([{ field: 'term.to', message: 'must be after term.from' }]);
  return c;
}

export function readRepositoryContracts(dir = CONTRACTS_DIR): ContractDefinition[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseContractDefinition(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))));
}

/** JSON with sorted keys, so the same content always hashes the same (jsonb does not keep key order). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of a definition's content: on every statement's inputs, so a same-version change cannot pass unseen. */
export const definitionHash = (c: unknown) => createHash('sha256').update(canonicalJson(c)).digest('hex');

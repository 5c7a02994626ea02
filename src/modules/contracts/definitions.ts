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

import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildKeyring, ephemeralKeyring, type Keyring } from './sm-crypto.ts';

/**
 * Where the data keys come from. The key ring is one per process (one process serves one database), installed
 * by the composition root before anything reads or writes personal data; tests that never install one get a
 * throw-away ring, which is right for their throw-away databases.
 */
let active: Keyring | null = null;

export function activeKeyring(): Keyring {
  active ??= ephemeralKeyring();
  return active;
}

export function installKeyring(ring: Keyring): void {
  active = ring;
}

/** The key file: `{"version":1,"current":"k1","keys":{"k1":"<base64 32 bytes>"},"index":"<base64 32 bytes>"}`. */
export interface KeyFile {
  version: 1;
  current: string;
  keys: Record<string, string>;
  /** The current blind-index key. */
  index: string;
  /** Its id (absent: `i1`). */
  indexId?: string;
  /** Index keys being replaced by `keys rotate-index`, removed when it has finished. */
  oldIndex?: Record<string, string>;
  /** The audit chain's digest key: the first index key, kept when the index key is rotated. */
  chain?: string;
}

export function parseKeyFile(text: string, where: string): KeyFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${where} is not a key file (JSON expected)`);
  }
  const f = parsed as Partial<KeyFile>;
  if (typeof f.current !== 'string' || typeof f.index !== 'string' || !f.keys || typeof f.keys !== 'object')
    throw new Error(`${where}: a key file needs "current", "keys" and "index"`);
  return {
    version: 1,
    current: f.current,
    keys: f.keys,
    index: f.index,
    ...(typeof f.indexId === 'string' && { indexId: f.indexId }),
    ...(f.oldIndex && typeof f.oldIndex === 'object' && { oldIndex: f.oldIndex }),
    ...(typeof f.chain === 'string' && { chain: f.chain }),
  };
}

export function keyringOf(file: KeyFile): Keyring {
  const secrets = Object.fromEntries(
    Object.entries(file.keys).map(([id, b]) => [id, Buffer.from(b, 'base64')]),
  );
  const b = (v: string) => Buffer.from(v, 'base64');
  return buildKeyring(file.current, secrets, b(file.index), {
    id: file.indexId,
    old: Object.fromEntries(Object.entries(file.oldIndex ?? {}).map(([id, v]) => [id, b(v)])),
    chainSecret: file.chain ? b(file.chain) : undefined,
  });
}

/**
 * A new blind-index key becomes current (`i<n+1>`); the old one is kept under `oldIndex` until every index is
 * recomputed, and the audit chain's digest key is pinned to the first index key (`chain`).
 */
export function addIndexKey(file: KeyFile): string {
  const oldId = file.indexId ?? 'i1';
  const next =
    Math.max(Number(oldId.slice(1)), ...Object.keys(file.oldIndex ?? {}).map((id) => Number(id.slice(1)))) +
    1;
  file.chain ??= file.index;
  file.oldIndex = { ...file.oldIndex, [oldId]: file.index };
  file.index = randomBytes(32).toString('base64');
  file.indexId = `i${next}`;
  return file.indexId;
}

/** Drops the old index keys once no index made with them is left; returns their ids. */
export function retireOldIndexKeys(file: KeyFile): string[] {
  const ids = Object.keys(file.oldIndex ?? {});
  delete file.oldIndex;
  return ids;
}

export function newKeyFile(): KeyFile {
  return {
    version: 1,
    current: 'k1',
    keys: { k1: randomBytes(32).toString('base64') },
    index: randomBytes(32).toString('base64'),
  };
}

/** Adds a fresh key, makes it current and returns its id (k1, k2, …). */
export function addKey(file: KeyFile): string {
  const next = Math.max(0, ...Object.keys(file.keys).map((id) => Number(/^k(\d+)$/.exec(id)?.[1] ?? 0))) + 1;
  const id = `k${next}`;
  file.keys[id] = randomBytes(32).toString('base64');
  file.current = id;
  return id;
}

export function writeKeyFile(file: string, content: KeyFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** The default key file sits beside the data directory, never in it: a copy of the data alone opens nothing. */
export function defaultKeyFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.key`;
}

export interface KeySource {
  /** HOTLINE_DATA_KEY: a key file's JSON, or one secret (≥ 32 hex digits) used as key `env`. */
  inline?: string;
  /** HOTLINE_DATA_KEY_FILE, or the default beside the data directory. */
  file: string;
}

/**
 * Loads the key ring: the environment first, then the key file; when neither exists the file is generated
 * (and `onCreated` says where, so the operator can move it to safe keeping).
 */
export function loadKeyring(source: KeySource, onCreated: (file: string) => void): Keyring {
  if (source.inline) {
    const t = source.inline.trim();
    if (t.startsWith('{')) return keyringOf(parseKeyFile(t, 'HOTLINE_DATA_KEY'));
    if (!/^[0-9a-fA-F]{32,}$/.test(t))
      throw new Error('HOTLINE_DATA_KEY: a key file JSON or ≥ 32 hex digits');
    const secret = Buffer.from(t, 'hex');
    return buildKeyring('env', { env: secret }, secret);
  }
  if (!fs.existsSync(source.file)) {
    writeKeyFile(source.file, newKeyFile());
    onCreated(source.file);
  }
  return keyringOf(parseKeyFile(fs.readFileSync(source.file, 'utf8'), source.file));
}

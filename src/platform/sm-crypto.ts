import {
  type Cipher,
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  type Hash,
  randomBytes,
  randomFillSync,
  timingSafeEqual,
} from 'node:crypto';
import { sm3Finish, sm3StateAfter } from './sm3-js.ts';

/**
 * SM3 and SM4 (GB/T 32905, GB/T 32907) through Node's OpenSSL 3, as GB/T 39786-2021 (密评) asks for the
 * confidentiality and integrity of important data at rest. OpenSSL 3 here offers `sm4-cbc` but not `sm4-gcm`,
 * so a field is sealed with SM4-CBC and authenticated with HMAC-SM3 (encrypt-then-MAC).
 */

/** The hex SM3 digest of a string or bytes. */
export function sm3Hex(data: string | Uint8Array): string {
  return createHash('sm3').update(data).digest('hex');
}

export function hmacSm3(key: Uint8Array, data: string | Uint8Array): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

/** One data key: a 32-byte secret from which the SM4 key and the MAC key are derived. */
export interface DataKey {
  id: string;
  enc: Buffer;
  mac: Buffer;
}

/** 数据密钥环 — the keys that can open stored data, the one new data is sealed with, and the blind-index key. */
export interface Keyring {
  current: string;
  keys: Map<string, DataKey>;
  /** Separate from the data keys and not rotated with them, so exact look-ups keep working across a rotation. */
  indexKey: Buffer;
  /** The blind-index key's id: `i1` (its values carry no tag, as before index rotation existed), `i2`, … */
  indexId: string;
  /** Earlier index keys, kept while `keys rotate-index` recomputes the indexes (look-ups try them too). */
  oldIndexKeys: Map<string, Buffer>;
  /**
   * The key of the audit chain's digests of sealed values: the first index key, never rotated (the chain's
   * hashes cover those digests; changing it would break every row written before).
   */
  chainKey: Buffer;
}

export function deriveDataKey(id: string, secret: Buffer): DataKey {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error(`bad key id "${id}"`);
  if (secret.length < 16) throw new Error(`key ${id} is shorter than 128 bits`);
  return {
    id,
    enc: hmacSm3(secret, 'hotline sm4 data key').subarray(0, 16),
    mac: hmacSm3(secret, 'hotline hmac-sm3 data key'),
  };
}

const indexKeyOf = (secret: Buffer) => hmacSm3(secret, 'hotline blind index key');

export function buildKeyring(
  current: string,
  secrets: Record<string, Buffer>,
  indexSecret: Buffer,
  index: { id?: string; old?: Record<string, Buffer>; chainSecret?: Buffer } = {},
): Keyring {
  const keys = new Map(Object.entries(secrets).map(([id, s]) => [id, deriveDataKey(id, s)]));
  if (!keys.has(current)) throw new Error(`the current key "${current}" is not in the key ring`);
  const indexId = index.id ?? 'i1';
  if (!/^i\d{1,6}$/.test(indexId)) throw new Error(`bad index key id "${indexId}"`);
  return {
    current,
    keys,
    indexKey: indexKeyOf(indexSecret),
    indexId,
    oldIndexKeys: new Map(Object.entries(index.old ?? {}).map(([id, s]) => [id, indexKeyOf(s)])),
    chainKey: indexKeyOf(index.chainSecret ?? indexSecret),
  };
}

/** A throw-away ring for tests and in-memory databases. */
export function ephemeralKeyring(): Keyring {
  return buildKeyring('k1', { k1: randomBytes(32) }, randomBytes(32));
}

const PREFIX = 'sm4:';
const MAC_BYTES = 32;

/** True when a stored value is a sealed field (anything else is a plain value written before encryption). */
export function isSealed(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The id of the key a sealed value was written with, or null for a plain value. */
export function keyIdOf(value: string): string | null {
  if (!isSealed(value)) return null;
  return value.slice(PREFIX.length, value.indexOf(':', PREFIX.length));
}

/**
 * Per data key, what every seal would otherwise set up again (issue 18: sealing was most of a call import's
 * CPU): one SM4-ECB cipher the CBC chaining runs over, and HMAC-SM3's inner and outer states after the key
 * block (RFC 2104; `Hash.copy` continues from them), the inner one also after the MAC's `keyId|context|`
 * prefix, per field context. Same bytes as `createCipheriv('sm4-cbc')` and `createHmac('sm3')`.
 */
interface KeyState {
  ecb: Cipher;
  outer: Hash;
  keyed: Hash;
  inner: Map<string, Hash>;
}
const keyStates = new WeakMap<DataKey, KeyState>();
/** Field contexts are few (`calls.caller_number` …); file contexts are names: only so many are kept. */
const MAX_CONTEXTS = 64;

/** HMAC's key block (RFC 2104): a key of at most 64 bytes padded to SM3's block and XORed with ipad / opad. */
function hmacKeyBlock(key: Buffer, pad: 0x36 | 0x5c): Buffer {
  const b = Buffer.alloc(64, pad);
  for (let i = 0; i < key.length; i++) b[i]! ^= key[i]!;
  return b;
}

function stateOf(key: DataKey): KeyState {
  let s = keyStates.get(key);
  if (!s) {
    const ecb = createCipheriv('sm4-ecb', key.enc, null);
    ecb.setAutoPadding(false);
    s = {
      ecb,
      outer: createHash('sm3').update(hmacKeyBlock(key.mac, 0x5c)),
      keyed: createHash('sm3').update(hmacKeyBlock(key.mac, 0x36)),
      inner: new Map(),
    };
    keyStates.set(key, s);
  }
  return s;
}

function macOf(key: DataKey, context: string, iv: Buffer, ct: Buffer): Buffer {
  // HMAC keys longer than SM3's 64-byte block would be hashed first; derived keys are 32 bytes.
  if (key.mac.length > 64)
    return createHmac('sm3', key.mac).update(`${key.id}|${context}|`).update(iv).update(ct).digest();
  const s = stateOf(key);
  let prefixed = s.inner.get(context);
  if (!prefixed) {
    prefixed = s.keyed.copy().update(`${key.id}|${context}|`);
    if (s.inner.size < MAX_CONTEXTS) s.inner.set(context, prefixed);
  }
  return s.outer.copy().update(prefixed.copy().update(iv).update(ct).digest()).digest();
}

/** SM4-CBC with PKCS#7 padding, chained here over the key's one ECB cipher (no cipher set up per value). */
function cbcEncrypt(key: DataKey, iv: Buffer, plain: Buffer): Buffer {
  const { ecb } = stateOf(key);
  const n = (Math.floor(plain.length / 16) + 1) * 16;
  const out = Buffer.alloc(n, n - plain.length);
  plain.copy(out);
  let prev: Buffer = iv;
  for (let o = 0; o < n; o += 16) {
    for (let j = 0; j < 16; j++) out[o + j]! ^= prev[j]!;
    ecb.update(out.subarray(o, o + 16)).copy(out, o);
    prev = out.subarray(o, o + 16);
  }
  return out;
}

/** Fresh IVs cut from a pool of random bytes, refilled by 4 KiB (one call to the CSPRNG per 256 seals). */
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function freshIv(): Buffer {
  if (ivAt + 16 > ivPool.length) {
    ivPool = randomBytes(4096);
    ivAt = 0;
  }
  ivAt += 16;
  return ivPool.subarray(ivAt - 16, ivAt);
}

/**
 * `sm4:<keyId>:<base64url(iv ‖ ciphertext ‖ HMAC-SM3)>`. The context (e.g. `orders.caller_phone`) is in the
 * MAC, so a value copied into another column does not open.
 */
export function seal(ring: Keyring, plain: string, context: string): string {
  const key = ring.keys.get(ring.current)!;
  const iv = freshIv();
  const ct = cbcEncrypt(key, iv, Buffer.from(plain, 'utf8'));
  const body = Buffer.concat([iv, ct, macOf(key, context, iv, ct)]);
  return `${PREFIX}${key.id}:${body.toString('base64url')}`;
}

/** Per data key, HMAC-SM3's states after the key blocks for the JavaScript SM3 (sm3-js.ts), and per context its MAC prefix. */
const jsMacStates = new WeakMap<
  DataKey,
  { inner: Int32Array; outer: Int32Array; prefixes: Map<string, Buffer> }
>();

function jsMacState(key: DataKey) {
  let s = jsMacStates.get(key);
  if (!s) {
    s = {
      inner: sm3StateAfter(hmacKeyBlock(key.mac, 0x36)),
      outer: sm3StateAfter(hmacKeyBlock(key.mac, 0x5c)),
      prefixes: new Map(),
    };
    jsMacStates.set(key, s);
  }
  return s;
}

/** The longest value `sealMany` seals in one SM4 block (PKCS#7 needs at least one byte of padding). */
const ONE_BLOCK = 15;

/**
 * `sealNullable` over many values at once, the same format and the same bytes for given IVs (issue 18: a call
 * import seals a number per row): the IVs come from one CSPRNG call, every value of up to 15 bytes (a phone
 * number) is encrypted in one SM4-ECB call over all their CBC blocks (a one-block CBC is E(IV ⊕ P)), and the
 * MAC is HMAC-SM3 in JavaScript from the key's states. Longer values go through `seal`.
 */
export function sealMany(
  ring: Keyring,
  values: readonly (string | null | undefined)[],
  context: string,
): (string | null)[] {
  const key = ring.keys.get(ring.current)!;
  if (key.mac.length > 64) return values.map((v) => sealNullable(ring, v, context));
  const n = values.length;
  const ivs = randomFillSync(Buffer.allocUnsafe(n * 16));
  const blocks = Buffer.alloc(n * 16);
  const short: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null || v === '' || v.length > ONE_BLOCK) continue;
    const len = Buffer.byteLength(v, 'utf8');
    if (len > ONE_BLOCK) continue;
    const at = i * 16;
    blocks.write(v, at, len, 'utf8');
    blocks.fill(16 - len, at + len, at + 16);
    for (let j = 0; j < 16; j++) blocks[at + j]! ^= ivs[at + j]!;
    short.push(i);
  }
  const ct = short.length ? stateOf(key).ecb.update(blocks) : blocks;
  const mac = jsMacState(key);
  let prefix = mac.prefixes.get(context);
  if (!prefix) {
    prefix = Buffer.from(`${key.id}|${context}|`, 'utf8');
    if (mac.prefixes.size < MAX_CONTEXTS) mac.prefixes.set(context, prefix);
  }
  const useJs = prefix.length + 32 <= 183;
  const body = Buffer.allocUnsafe(16 + 16 + MAC_BYTES);
  const inner = Buffer.allocUnsafe(32);
  const head = `${PREFIX}${key.id}:`;
  const out: (string | null)[] = values.map((v) => (v == null || v === '' ? (v ?? null) : null));
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (short[k] !== i) {
      const v = values[i];
      if (v != null && v !== '') out[i] = seal(ring, v, context);
      continue;
    }
    k++;
    const iv = ivs.subarray(i * 16, i * 16 + 16);
    const c = ct.subarray(i * 16, i * 16 + 16);
    iv.copy(body, 0);
    c.copy(body, 16);
    if (useJs) {
      sm3Finish(mac.inner, 64, [prefix, iv, c], inner, 0);
      sm3Finish(mac.outer, 64, [inner], body, 32);
    } else macOf(key, context, iv, c).copy(body, 32);
    out[i] = head + body.toString('base64url');
  }
  return out;
}

export class SealError extends Error {}

/** Opens a sealed value; a plain (legacy) value is returned as it is, null stays null. */
export function open(ring: Keyring, stored: string | null, context: string): string | null {
  if (stored == null || !isSealed(stored)) return stored;
  const id = keyIdOf(stored)!;
  const key = ring.keys.get(id);
  if (!key) throw new SealError(`no key "${id}" in the key ring to open ${context}`);
  const body = Buffer.from(stored.slice(PREFIX.length + id.length + 1), 'base64url');
  if (body.length < 16 + 16 + MAC_BYTES) throw new SealError(`truncated sealed value in ${context}`);
  const iv = body.subarray(0, 16);
  const ct = body.subarray(16, body.length - MAC_BYTES);
  const mac = body.subarray(body.length - MAC_BYTES);
  if (!timingSafeEqual(mac, macOf(key, context, iv, ct))) throw new SealError(`${context} fails its MAC`);
  const decipher = createDecipheriv('sm4-cbc', key.enc, iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

/** The first bytes of a sealed file: no JPEG, PNG, WebP or PDF starts so, so files written before sealing still open. */
const FILE_MAGIC = Buffer.from('SM4F');

/**
 * Seals a file's bytes: `SM4F ‖ len(keyId) ‖ keyId ‖ iv ‖ SM4-CBC ciphertext ‖ HMAC-SM3`, the MAC over the key
 * id, the context (e.g. the file's stored name, so files cannot be swapped) and the ciphertext.
 */
export function sealBytes(ring: Keyring, plain: Uint8Array, context: string): Buffer {
  const key = ring.keys.get(ring.current)!;
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', key.enc, iv);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  const id = Buffer.from(key.id, 'ascii');
  return Buffer.concat([FILE_MAGIC, Buffer.from([id.length]), id, iv, ct, macOf(key, context, iv, ct)]);
}

/** True when the bytes are a sealed file (anything else was written before files were sealed). */
export function isSealedBytes(bytes: Uint8Array): boolean {
  return bytes.length > 5 && FILE_MAGIC.equals(Buffer.from(bytes.subarray(0, 4)));
}

/** The id of the key a sealed file was written with, or null for a file written before sealing. */
export function keyIdOfBytes(bytes: Uint8Array): string | null {
  if (!isSealedBytes(bytes)) return null;
  return Buffer.from(bytes.subarray(5, 5 + bytes[4]!)).toString('ascii');
}

/** Opens a sealed file; bytes written before files were sealed are returned as they are. */
export function openBytes(ring: Keyring, stored: Buffer, context: string): Buffer {
  if (!isSealedBytes(stored)) return stored;
  const idLen = stored[4]!;
  const id = stored.subarray(5, 5 + idLen).toString('ascii');
  const key = ring.keys.get(id);
  if (!key) throw new SealError(`no key "${id}" in the key ring to open ${context}`);
  const body = stored.subarray(5 + idLen);
  if (body.length < 16 + 16 + MAC_BYTES) throw new SealError(`truncated sealed file ${context}`);
  const iv = body.subarray(0, 16);
  const ct = body.subarray(16, body.length - MAC_BYTES);
  if (!timingSafeEqual(body.subarray(body.length - MAC_BYTES), macOf(key, context, iv, ct)))
    throw new SealError(`${context} fails its MAC`);
  const decipher = createDecipheriv('sm4-cbc', key.enc, iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]);
}

/** Seals a nullable value (null and '' stay as they are: nothing to hide). */
export function sealNullable(
  ring: Keyring,
  plain: string | null | undefined,
  context: string,
): string | null {
  if (plain == null || plain === '') return plain ?? null;
  return seal(ring, plain, context);
}

/** Digits only, with a leading +86 / 0086 dropped: 138-0000-1234, +86 13800001234 and 13800001234 agree. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}

/** 盲索引 — HMAC-SM3 of the normalised phone: equal phones give equal indexes, the index does not give the phone. */
export function phoneIndex(ring: Keyring, phone: string | null | undefined): string | null {
  return phoneIndexUnder(ring.indexId, ring.indexKey, phone);
}

/**
 * HMAC-SM3 under an index key from its inner and outer states after the key block (as `macOf` does for data
 * keys): the same bytes as `hmacSm3(key, data)` without setting the key up for every phone (issue 18).
 */
const indexStates = new WeakMap<Buffer, { inner: Hash; outer: Hash }>();
function indexMac(key: Buffer, data: string): Buffer {
  if (key.length > 64) return hmacSm3(key, data);
  let s = indexStates.get(key);
  if (!s) {
    s = {
      inner: createHash('sm3').update(hmacKeyBlock(key, 0x36)),
      outer: createHash('sm3').update(hmacKeyBlock(key, 0x5c)),
    };
    indexStates.set(key, s);
  }
  return s.outer.copy().update(s.inner.copy().update(data).digest()).digest();
}

/** `i1` values are untagged (as stored before index rotation existed); later keys' values are `iN:<mac>`. */
function phoneIndexUnder(id: string, key: Buffer, phone: string | null | undefined): string | null {
  if (!phone) return null;
  const n = normalisePhone(phone);
  if (!n) return null;
  const mac = indexMac(key, `phone:${n}`).toString('base64url').slice(0, 32);
  return id === 'i1' ? mac : `${id}:${mac}`;
}

/** The phone's index under the current key and every older one still kept: what a look-up matches during a rotation. */
export function phoneIndexes(ring: Keyring, phone: string): string[] {
  const all = [phoneIndexUnder(ring.indexId, ring.indexKey, phone)];
  for (const [id, key] of ring.oldIndexKeys) all.push(phoneIndexUnder(id, key, phone));
  return all.filter((v): v is string => v != null);
}

/**
 * SM3 (GB/T 32905-2016) compression in JavaScript, for HMAC-SM3 over many short messages (issue 18: sealing a
 * call log's caller numbers). Node's OpenSSL computes the same digest, but each `Hash` copy, update and digest
 * crosses into C++ and allocates; a seal's MAC is two compressions from precomputed key states, cheaper here.
 * The results are compared with OpenSSL's `createHmac('sm3')` in sm-crypto.test.ts.
 */

const IV = new Int32Array([
  0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e,
]);
/** T_j rotated left by j (mod 32), precomputed. */
const TJ = new Int32Array(64);
for (let j = 0; j < 64; j++) {
  const t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
  const r = j % 32;
  TJ[j] = r === 0 ? t : (t << r) | (t >>> (32 - r));
}
const W = new Int32Array(68);

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

/** Compresses the 64-byte block at `at` of `block` into `v` (eight words, updated in place). */
export function sm3Compress(v: Int32Array, block: Uint8Array, at: number): void {
  for (let j = 0; j < 16; j++) {
    const o = at + j * 4;
    W[j] = (block[o]! << 24) | (block[o + 1]! << 16) | (block[o + 2]! << 8) | block[o + 3]!;
  }
  for (let j = 16; j < 68; j++) {
    const x = W[j - 16]! ^ W[j - 9]! ^ rotl(W[j - 3]!, 15);
    W[j] = x ^ rotl(x, 15) ^ rotl(x, 23) ^ rotl(W[j - 13]!, 7) ^ W[j - 6]!;
  }
  let a = v[0]!,
    b = v[1]!,
    c = v[2]!,
    d = v[3]!,
    e = v[4]!,
    f = v[5]!,
    g = v[6]!,
    h = v[7]!;
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + TJ[j]!) | 0, 7);
    const ss2 = ss1 ^ a12;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + (W[j]! ^ W[j + 4]!)) | 0;
    const tt2 = (gg + h + ss1 + W[j]!) | 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = tt2 ^ rotl(tt2, 9) ^ rotl(tt2, 17);
  }
  v[0]! ^= a;
  v[1]! ^= b;
  v[2]! ^= c;
  v[3]! ^= d;
  v[4]! ^= e;
  v[5]! ^= f;
  v[6]! ^= g;
  v[7]! ^= h;
}

/** The state after one 64-byte block (an HMAC key XOR ipad or opad). */
export function sm3StateAfter(block: Uint8Array): Int32Array {
  const v = IV.slice();
  sm3Compress(v, block, 0);
  return v;
}

const scratch = new Uint8Array(256);

/**
 * Finishes SM3 from `state` (after `before` bytes, a multiple of 64) over `parts` (their total at most 183
 * bytes), writing the 32-byte digest into `out` at `outAt`.
 */
export function sm3Finish(
  state: Int32Array,
  before: number,
  parts: readonly Uint8Array[],
  out: Uint8Array,
  outAt: number,
): void {
  let n = 0;
  for (const p of parts) {
    scratch.set(p, n);
    n += p.length;
  }
  const bits = (before + n) * 8;
  const total = n + 9 <= 64 ? 64 : n + 9 <= 128 ? 128 : n + 9 <= 192 ? 192 : 256;
  scratch.fill(0, n, total);
  scratch[n] = 0x80;
  // Bit lengths here stay far below 2^32: the high word is zero.
  scratch[total - 4] = (bits >>> 24) & 0xff;
  scratch[total - 3] = (bits >>> 16) & 0xff;
  scratch[total - 2] = (bits >>> 8) & 0xff;
  scratch[total - 1] = bits & 0xff;
  const v = state.slice();
  for (let o = 0; o < total; o += 64) sm3Compress(v, scratch, o);
  for (let i = 0; i < 8; i++) {
    const w = v[i]!;
    out[outAt + i * 4] = w >>> 24;
    out[outAt + i * 4 + 1] = (w >>> 16) & 0xff;
    out[outAt + i * 4 + 2] = (w >>> 8) & 0xff;
    out[outAt + i * 4 + 3] = w & 0xff;
  }
}

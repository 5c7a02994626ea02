/**
 * A trained model ⇄ bytes, for a PostgreSQL bytea column.
 *
 * Layout: "HTRG", format version (uint16 LE), then gzip of: header length (uint32 LE), header
 * JSON (labels, options, temperature, sizes), and the arrays back to back — term keys (int32),
 * IDF (float32), feature scales (float32), bias (float32), weights (int8). Typed arrays are written
 * in the machine's byte order, which is little-endian on every platform Node supports in practice;
 * a big-endian machine is refused rather than silently misread.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { AppError } from '../../platform/errors.ts';
import type { TriageModel } from './classifier.ts';
import type { FeatureOptions } from './features.ts';
import { indexKeys } from './features.ts';

const MAGIC = 'HTRG';
const FORMAT_VERSION = 1;

interface Header {
  labels: string[];
  featureOptions: FeatureOptions;
  userWords: string[];
  temperature: number;
  labelCounts: number[];
  featureCount: number;
}

export function serializeModel(model: TriageModel): Buffer {
  assertLittleEndian();
  const featureCount = model.vocabulary.keys.length;
  const header: Header = {
    labels: model.labels,
    featureOptions: model.featureOptions,
    userWords: model.userWords,
    temperature: model.temperature,
    labelCounts: model.labelCounts,
    featureCount,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(headerBytes.length);
  const body = Buffer.concat([
    headerLength,
    headerBytes,
    bytesOf(model.vocabulary.keys),
    bytesOf(model.vocabulary.idf),
    bytesOf(model.linear.featureScale),
    bytesOf(model.linear.bias),
    bytesOf(model.linear.weights),
  ]);
  const prefix = Buffer.alloc(6);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt16LE(FORMAT_VERSION, 4);
  return Buffer.concat([prefix, gzipSync(body, { level: 9 })]);
}

export function deserializeModel(bytes: Uint8Array): TriageModel {
  assertLittleEndian();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 6 || buffer.toString('latin1', 0, 4) !== MAGIC) {
    throw invalidModel('not a triage model (bad magic bytes)');
  }
  const version = buffer.readUInt16LE(4);
  if (version !== FORMAT_VERSION) throw invalidModel(`unsupported triage model format ${version}`);
  const { body, header } = readHeader(buffer.subarray(6));
  const n = header.featureCount;
  const K = header.labels.length;
  let offset = 4 + body.readUInt32LE(0);
  const take = (byteLength: number) => {
    if (offset + byteLength > body.length) throw invalidModel('triage model is truncated');
    // Copied into a fresh buffer: typed arrays need aligned offsets, which a slice may not have.
    const copy = new Uint8Array(byteLength);
    copy.set(body.subarray(offset, offset + byteLength));
    offset += byteLength;
    return copy.buffer;
  };
  const keys = new Int32Array(take(n * 4));
  const idf = new Float32Array(take(n * 4));
  const featureScale = new Float32Array(take(n * 4));
  const bias = new Float32Array(take(K * 4));
  const weights = new Int8Array(take(n * K));
  if (offset !== body.length) throw invalidModel('triage model has trailing bytes');
  return {
    labels: header.labels,
    featureOptions: header.featureOptions,
    userWords: header.userWords,
    vocabulary: { keys, idf, columnOf: indexKeys(keys) },
    linear: { classCount: K, featureCount: n, weights, featureScale, bias },
    temperature: header.temperature,
    labelCounts: header.labelCounts,
  };
}

function readHeader(compressed: Buffer): { body: Buffer; header: Header } {
  try {
    const body = gunzipSync(compressed);
    const headerLength = body.readUInt32LE(0);
    return { body, header: JSON.parse(body.toString('utf8', 4, 4 + headerLength)) as Header };
  } catch (error) {
    throw invalidModel(`unreadable triage model (${(error as Error).message})`);
  }
}

/** A stored model that cannot be read is the server's fault, not the caller's: 500. */
function invalidModel(message: string): AppError {
  return new AppError('triage_model_invalid', 500, message, `分派模型数据损坏或版本不符：${message}`);
}

function bytesOf(array: Int32Array | Float32Array | Int8Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new Error('triage models are stored little-endian; this machine is big-endian');
  }
}

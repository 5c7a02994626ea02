import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import type { HandoverFiles } from '../../platform/handover/export.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { activeKeyring } from '../../platform/keyring.ts';
import { mayOpenAttachments } from '../../platform/need-to-know.ts';
import { keyIdOfBytes, type Keyring, openBytes, SealError, sealBytes } from '../../platform/sm-crypto.ts';
import { findOrder, type OrderRow } from './repository.ts';
import { orderAttachments } from './schema.ts';

/**
 * 附件 — photos and documents with a citizen's request or a department's reply (issue 14).
 *
 * Virus-safe by construction rather than by scanning: only images and PDF are taken, their type is sniffed from
 * the first bytes (the name and the browser's Content-Type are ignored), the bytes are kept outside the web root
 * under a random name, and they are only ever served as a download (`Content-Disposition: attachment`,
 * `X-Content-Type-Options: nosniff`, a CSP `sandbox`) so a hostile file is never rendered in the console's
 * origin. Who may open them follows the need-to-know table (platform/need-to-know.ts).
 */
export const ATTACHMENT_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export const ATTACHMENT_KINDS = ['submission', 'reply'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** 10 MB a file: a phone photo or a scanned reply fits; a video does not belong in a work order. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Files per order and side (the citizen's, the departments'). */
export const ATTACHMENTS_PER_KIND = 10;

/** Statuses in which a department may still attach to its reply (the order is with it). */
const DEPARTMENT_OPEN = new Set(['dispatched', 'in_progress']);
/** Statuses in which staff may add the citizen's material to the order. */
const CLOSED = new Set(['closed', 'archived', 'merged']);

/** The type the bytes are, by their signature; null for anything else (HTML, SVG, scripts, archives, …). */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
  const b = bytes;
  const at = (i: number, ...sig: number[]) => sig.every((v, k) => b[i + k] === v);
  if (b.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (b.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (b.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  if (b.length >= 5 && at(0, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}

/**
 * A name safe to store and to send back: the last path segment only (no `../`, no drive or directory), no
 * control or reserved characters, at most 80 characters, and the extension of the sniffed type (a PDF called
 * `photo.jpg.exe` becomes `photo.jpg.pdf`).
 */
export function safeFileName(raw: string | undefined, type: AttachmentType): string {
  const ext = ATTACHMENT_TYPES[type];
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/^[.\s]+/, '')
    .trim();
  const stem =
    cleaned
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .slice(0, 70)
      .trim() || 'attachment';
  return `${stem}.${ext}`;
}

/** RFC 6266 / RFC 5987: an ASCII fallback and the UTF-8 name, so 现场照片.jpg arrives as itself. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const AttachmentView = z.object({
  id: z.number(),
  orderId: z.number(),
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  uploaderRole: z.string(),
  departmentId: z.number().nullable(),
  createdAt: z.date(),
  url: z.string(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;
export const AttachmentList = z.object({ items: z.array(AttachmentView) });

type AttachmentRow = typeof orderAttachments.$inferSelect;

function present(r: AttachmentRow): AttachmentView {
  return {
    id: r.id,
    orderId: r.orderId,
    kind: r.kind as AttachmentKind,
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    uploaderRole: r.uploaderRole,
    departmentId: r.departmentId,
    createdAt: r.createdAt,
    url: `/api/attachments/${r.id}`,
  };
}

function tooLarge(): AppError {
  return new AppError(
    'file_too_large',
    413,
    `A file may have at most ${ATTACHMENT_MAX_BYTES} bytes`,
    `附件不得超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`,
    { fields: [{ field: 'file', message: `at most ${ATTACHMENT_MAX_BYTES} bytes` }] },
  );
}

export function attachmentTooLarge(): AppError {
  return tooLarge();
}

function wrongType(): AppError {
  return new AppError(
    'unsupported_file_type',
    415,
    'Only JPEG, PNG, WebP images and PDF documents are accepted (judged by the content, not the name)',
    '仅支持 JPG、PNG、WebP 图片和 PDF 文件',
    { fields: [{ field: 'file', message: 'an image (JPEG, PNG, WebP) or a PDF' }] },
  );
}

/**
 * Where the bytes live: a directory the web console never serves, with files named by random ids, sealed with
 * SM4 under the current data key like every other copy of personal data at rest (a photo of a doorway or a
 * reply letter names people). The MAC binds a file to its name. Files stored before sealing still open.
 */
export class AttachmentStore {
  constructor(readonly dir: string) {}

  private context(storedName: string): string {
    return `order_attachments/${storedName}`;
  }

  private fileOf(storedName: string): string {
    if (!/^[0-9a-f]{32}$/.test(storedName)) throw new Error('bad stored attachment name');
    return path.join(this.dir, storedName.slice(0, 2), storedName);
  }

  async write(bytes: Uint8Array): Promise<string> {
    const storedName = randomBytes(16).toString('hex');
    const file = this.fileOf(storedName);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await fs.writeFile(file, sealBytes(activeKeyring(), bytes, this.context(storedName)), {
      flag: 'wx',
      mode: 0o600,
    });
    return storedName;
  }

  async read(storedName: string): Promise<Buffer> {
    const stored = await fs.readFile(this.fileOf(storedName));
    return openBytes(activeKeyring(), stored, this.context(storedName));
  }

  /**
   * Seals a file again with the ring's current key if another key (or none) sealed it; written beside and
   * renamed over, so a crash leaves the old or the new file, never half of one. False when nothing was to do.
   */
  async reseal(storedName: string, ring: Keyring): Promise<boolean> {
    const file = this.fileOf(storedName);
    let stored: Buffer;
    try {
      stored = await fs.readFile(file);
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') return false;
      throw err;
    }
    if (keyIdOfBytes(stored) === ring.current) return false;
    const context = this.context(storedName);
    const fresh = sealBytes(ring, openBytes(ring, stored, context), context);
    await fs.writeFile(`${file}.tmp`, fresh, { mode: 0o600 });
    await fs.rename(`${file}.tmp`, file);
    return true;
  }

  async remove(storedName: string): Promise<void> {
    await fs.rm(this.fileOf(storedName), { force: true });
  }
}

/**
 * The attachments for the hand-over package (Luohe art. 8.5): each `order_attachments` row's file, opened, under
 * the row's id and the name it was uploaded as, checked against the SHA-256 taken at upload.
 */
export function attachmentHandoverFiles(dir: string): HandoverFiles {
  const store = new AttachmentStore(dir);
  return {
    table: 'order_attachments',
    locate: (row) => {
      const stored = row.stored_name;
      if (typeof stored !== 'string' || !/^[0-9a-f]{32}$/.test(stored)) return null;
      return {
        read: () => store.read(stored),
        name: typeof row.file_name === 'string' ? row.file_name : stored,
        sha256: typeof row.sha256 === 'string' ? row.sha256 : undefined,
      };
    },
  };
}

/**
 * `hotline keys rotate`: every attachment file not sealed with the current key (an older key, or none: stored
 * before sealing) is sealed with it. Returns the files rewritten; it can stop and be run again.
 */
export async function resealAttachmentFiles(db: DbOrTx, dir: string, ring: Keyring): Promise<number> {
  const store = new AttachmentStore(dir);
  const rows = await db
    .select({ storedName: orderAttachments.storedName })
    .from(orderAttachments)
    .orderBy(asc(orderAttachments.id));
  let n = 0;
  for (const r of rows) if (await store.reseal(r.storedName, ring)) n++;
  return n;
}

/** Who may add which kind of file to the order, now: the side of the order the actor is on. */
function kindFor(actor: Actor, order: OrderRow): AttachmentKind {
  if (actor.role === 'department') {
    if (!DEPARTMENT_OPEN.has(order.status) || order.departmentId !== actor.departmentId)
      throw forbidden(
        'Only the lead department may attach files to its reply, while the order is with it',
        '仅承办单位在办理期间可上传答复附件',
      );
    return 'reply';
  }
  if (actor.role === 'agent' || actor.role === 'team_lead' || actor.role === 'office') {
    if (CLOSED.has(order.status)) throw forbidden('The order is closed', '工单已办结，不能再上传附件');
    return 'submission';
  }
  throw forbidden();
}

export interface NewAttachment {
  fileName: string | undefined;
  bytes: Uint8Array;
}

async function store(
  db: DbOrTx,
  files: AttachmentStore,
  order: Pick<OrderRow, 'id'>,
  kind: AttachmentKind,
  by: { id: number | null; role: string; departmentId: number | null },
  file: NewAttachment,
  now: Date,
): Promise<AttachmentView> {
  if (file.bytes.length > ATTACHMENT_MAX_BYTES) throw tooLarge();
  const type = sniffType(file.bytes);
  if (!type) throw wrongType();
  const [n] = await db
    .select({ n: count() })
    .from(orderAttachments)
    .where(and(eq(orderAttachments.orderId, order.id), eq(orderAttachments.kind, kind)));
  if ((n?.n ?? 0) >= ATTACHMENTS_PER_KIND)
    throw new AppError(
      'too_many_attachments',
      409,
      `At most ${ATTACHMENTS_PER_KIND} files per order and side`,
      `每张工单最多 ${ATTACHMENTS_PER_KIND} 个附件`,
    );
  const storedName = await files.write(file.bytes);
  try {
    const [row] = await db
      .insert(orderAttachments)
      .values({
        orderId: order.id,
        kind,
        fileName: safeFileName(file.fileName, type),
        contentType: type,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storedName,
        uploadedBy: by.id,
        uploaderRole: by.role,
        departmentId: by.departmentId,
        createdAt: now,
      })
      .returning();
    return present(row!);
  } catch (err) {
    await files.remove(storedName);
    throw err;
  }
}

/** Staff attach a file: a department to its reply, the call centre the citizen's material. */
export async function addAttachment(
  db: DbOrTx,
  files: AttachmentStore,
  actor: Actor,
  orderId: number,
  file: NewAttachment,
  now: Date,
): Promise<AttachmentView> {
  if (!mayOpenAttachments(actor)) throw forbidden();
  const order = await findOrder(db, orderId, actor);
  const kind = kindFor(actor, order);
  return store(
    db,
    files,
    order,
    kind,
    { id: actor.id, role: actor.role, departmentId: actor.departmentId ?? null },
    file,
    now,
  );
}

/** A citizen adds photos to the request they just submitted (they proved it with the tracking code). */
export async function addCitizenAttachment(
  db: DbOrTx,
  files: AttachmentStore,
  order: OrderRow,
  file: NewAttachment,
  now: Date,
): Promise<AttachmentView> {
  if (order.status !== 'submitted')
    throw forbidden(
      'Photos can be added only until the request is taken in',
      '诉求受理后不能再补充附件，如需补充请致电 12345',
    );
  return store(db, files, order, 'submission', { id: null, role: 'citizen', departmentId: null }, file, now);
}

export async function listAttachments(db: DbOrTx, actor: Actor, orderId: number): Promise<AttachmentView[]> {
  if (!mayOpenAttachments(actor))
    throw forbidden('Your role may not open attachments', '当前角色无权查看附件');
  await findOrder(db, orderId, actor);
  const rows = await db
    .select()
    .from(orderAttachments)
    .where(eq(orderAttachments.orderId, orderId))
    .orderBy(asc(orderAttachments.id));
  return rows.map(present);
}

/** The file for download, after the same checks as the order it belongs to; 404 hides other departments' files. */
export async function openAttachment(
  db: DbOrTx,
  files: AttachmentStore,
  actor: Actor,
  id: number,
): Promise<{ view: AttachmentView; bytes: Buffer }> {
  if (!mayOpenAttachments(actor))
    throw forbidden('Your role may not open attachments', '当前角色无权查看附件');
  const [row] = await db.select().from(orderAttachments).where(eq(orderAttachments.id, id));
  if (!row) throw notFound(`Attachment ${id}`, `附件 ${id} `);
  try {
    await findOrder(db, row.orderId, actor);
  } catch {
    throw notFound(`Attachment ${id}`, `附件 ${id} `);
  }
  let bytes: Buffer | null;
  try {
    bytes = await files.read(row.storedName);
  } catch (err) {
    if (!(err instanceof SealError)) throw err;
    bytes = null; // altered on disk: fails its MAC
  }
  if (!bytes || createHash('sha256').update(bytes).digest('hex') !== row.sha256)
    throw new AppError(
      'attachment_damaged',
      500,
      'The stored file does not match its digest',
      '附件文件已损坏',
    );
  return { view: present(row), bytes };
}

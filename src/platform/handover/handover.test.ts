import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { sql } from 'drizzle-orm';
import {
  attachmentHandoverFiles,
  AttachmentStore,
  createOrder,
  CreateOrderInput,
} from '../../modules/orders/index.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { verifyAuditChain } from '../audit.ts';
import { listColumns, exportHandover, type Manifest } from './export.ts';
import { certificateDocx } from './certificate.ts';
import { latestExport, manifestFacts } from './latest.ts';

/** Each test starts the CLI in its own process (a cold start that migrates a fresh database): slow on a loaded machine. */
const CLI_TIMEOUT = { timeout: 120_000 };

let db: Db;
let dir: string;
const now = new Date('2025-03-03T02:00:00Z');
beforeAll(async () => {
  db = await createTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-'));
  await createOrder(
    db.orm,
    SYSTEM_ACTOR,
    CreateOrderInput.parse({
      channel: 'phone',
      type: 'inquiry',
      content: '公积金提取需要什么材料？',
      caller: { name: '钱女士', phone: '13900001111' },
      location: { address: '滨河路12号' },
    }),
    now,
  );
});
afterAll(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the hand-over package (Luohe art. 8.5)', CLI_TIMEOUT, () => {
  it('holds every table with its row count and SM3, personal data opened, and is audited', async () => {
    const out = path.join(dir, 'pkg');
    const r = await exportHandover(db.orm, 'test', out, SYSTEM_ACTOR, now);
    const manifest = JSON.parse(fs.readFileSync(r.manifestFile, 'utf8')) as Manifest;
    const tables = new Set((await listColumns(db.orm)).map((c) => c.table));
    expect(new Set(manifest.files.filter((f) => f.table).map((f) => f.table))).toEqual(tables);
    for (const f of manifest.files) {
      const bytes = fs.readFileSync(path.join(out, f.file));
      expect(createHash('sm3').update(bytes).digest('hex'), f.file).toBe(f.sm3);
      if (f.file.endsWith('.jsonl')) expect(bytes.toString().split('\n').filter(Boolean).length).toBe(f.rows);
    }
    const order = JSON.parse(fs.readFileSync(path.join(out, 'tables/orders.jsonl'), 'utf8').split('\n')[0]!);
    expect(order).toMatchObject({
      caller_name: '钱女士',
      caller_phone: '13900001111',
      address: '滨河路12号',
    });
    const readme = fs.readFileSync(path.join(out, 'README.md'), 'utf8');
    expect(readme).toContain('Personal information is in clear text in this package');
    expect(readme).toContain('### `orders`');
    expect(fs.readFileSync(path.join(out, 'manifest.sm3'), 'utf8')).toContain(r.manifestSm3);
    expect(await latestExport(db.orm)).toMatchObject({ manifestSm3: r.manifestSm3 });
    expect((await verifyAuditChain(db.orm)).ok).toBe(true);
    await expect(exportHandover(db.orm, 'test', out, SYSTEM_ACTOR, now)).rejects.toThrow('not empty');

    const facts = manifestFacts(r.manifestFile);
    expect(facts.manifestSm3).toBe(r.manifestSm3);
    const docx = path.join(dir, 'c.docx');
    fs.writeFileSync(
      docx,
      await certificateDocx({ ...facts, partyA: '甲方', partyB: '乙方', contract: '合同' }),
    );
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml']).toString();
    expect(xml).toContain('数据已销毁确认函');
    expect(xml).toContain(r.manifestSm3);
  });

  it('carries the attachment files readable, with their SM3 and size, and names a missing one', async () => {
    const storeDir = path.join(dir, 'attachments-store');
    const files = attachmentHandoverFiles(storeDir);
    const store = new AttachmentStore(storeDir);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('现场照片的字节')]);
    const pdf = Buffer.from('%PDF-1.4 答复函');
    const [order] = await queryRows<{ id: number }>(db.orm, sql`select id from orders order by id limit 1`);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const rows = [
      { name: '现场照片.jpg', type: 'image/jpeg', bytes: jpeg, kind: 'submission' },
      { name: '答复函.pdf', type: 'application/pdf', bytes: pdf, kind: 'reply' },
      { name: '丢失.png', type: 'image/png', bytes: Buffer.from('never written'), kind: 'submission' },
    ];
    // Two files stored (sealed with SM4 on disk), the third row's file lost.
    const stored = [await store.write(jpeg), await store.write(pdf), 'c3'.padEnd(32, '0')];
    const onDisk = fs.readdirSync(storeDir, { recursive: true }).map(String);
    for (const name of stored.slice(0, 2)) {
      const raw = fs.readFileSync(
        path.join(
          storeDir,
          onDisk.find((f) => f.endsWith(name))!,
        ),
      );
      expect(raw.includes(Buffer.from('现场照片的字节')) || raw.includes(Buffer.from('答复函'))).toBe(false);
    }
    for (const [i, r] of rows.entries()) {
      await db.orm.execute(sql`insert into order_attachments
          (order_id, kind, file_name, content_type, size, sha256, stored_name, uploader_role, created_at)
        values (${order!.id}, ${r.kind}, ${r.name}, ${r.type}, ${r.bytes.length}, ${sha(r.bytes)}, ${stored[i]},
          'agent', ${now})`);
    }
    const out = path.join(dir, 'pkg-attachments');
    const r = await exportHandover(db.orm, 'test', out, SYSTEM_ACTOR, now, { files: [files] });
    expect(r).toMatchObject({ attachments: 2, attachmentProblems: 1 });
    const manifest = JSON.parse(fs.readFileSync(r.manifestFile, 'utf8')) as Manifest;
    const att = manifest.files.filter((f) => f.file.startsWith('attachments/order_attachments/'));
    expect(att.map((f) => f.file)).toEqual([
      expect.stringMatching(/^attachments\/order_attachments\/\d+-现场照片\.jpg$/),
      expect.stringMatching(/^attachments\/order_attachments\/\d+-答复函\.pdf$/),
      expect.stringMatching(/^attachments\/order_attachments\/\d+-丢失\.png$/),
    ]);
    for (const [i, f] of att.slice(0, 2).entries()) {
      const bytes = fs.readFileSync(path.join(out, f.file));
      expect(bytes.equals(rows[i]!.bytes), f.file).toBe(true); // readable, not sealed
      expect(f).toMatchObject({
        bytes: rows[i]!.bytes.length,
        sm3: createHash('sm3').update(bytes).digest('hex'),
      });
      expect(f.problem).toBeUndefined();
    }
    expect(att[2]).toMatchObject({ problem: 'missing', bytes: 0 });
    const lines = fs
      .readFileSync(path.join(out, 'tables/order_attachments.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { file_name: string; package_file: string | null });
    expect(lines.map((l) => l.package_file)).toEqual([att[0]!.file, att[1]!.file, null]);
    expect(fs.readFileSync(path.join(out, 'README.md'), 'utf8')).toContain('attachments/order_attachments/');
  });
});

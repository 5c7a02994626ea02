import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { randomBytes } from 'node:crypto';
import { activeKeyring, installKeyring } from '../../platform/keyring.ts';
import { deriveDataKey, keyIdOfBytes } from '../../platform/sm-crypto.ts';
import { orderAttachments } from './schema.ts';
import {
  ATTACHMENT_MAX_BYTES,
  contentDisposition,
  resealAttachmentFiles,
  safeFileName,
  sniffType,
} from './attachments.ts';

/** 附件 over HTTP: upload by staff and citizen, sniffing, limits, names, storage and need-to-know downloads. */
let t: TestContext;
let dir: string;
let zj: number;
let cg: number;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR fake png body'),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF body')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
const HTML = Buffer.from('<html><script>alert(1)</script></html>');

/** A multipart body with one file part (what a browser's FormData sends). */
function multipart(bytes: Buffer, filename: string, field = 'file', type = 'application/octet-stream') {
  const boundary = '----hotline' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      `Content-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(user: string | null, url: string, bytes: Buffer, filename: string, type?: string) {
  const m = multipart(bytes, filename, 'file', type);
  return t.app.inject({
    method: 'POST',
    url,
    payload: m.payload,
    headers: { ...m.headers, ...(user ? await t.as(user) : {}) },
  });
}
async function post(user: string, url: string, payload: unknown = {}) {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers: await t.as(user) });
}
async function get(user: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: await t.as(user) });
}

async function newOrder() {
  const res = await post('agent', '/api/orders', {
    channel: 'phone',
    type: 'complaint',
    content: '人民路路灯一周不亮，请维修。',
    caller: { name: '张先生', phone: '13800001234' },
    location: { district: '源汇区', address: '人民路1号' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number };
}

/** An order dispatched to 住建局 and signed by it (status in_progress). */
async function orderWithZj() {
  const o = await newOrder();
  const d = await post('agent', `/api/orders/${o.id}/actions/dispatch`, { departmentId: zj });
  expect(d.statusCode, d.body).toBe(200);
  const s = await post('zj', `/api/orders/${o.id}/actions/sign`, {});
  expect(s.statusCode, s.body).toBe(200);
  return o.id;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-att-test-'));
  t = await createTestContext('2025-03-03T10:00:00+08:00', { webConsole: false, attachmentsDir: dir });
  zj = await t.addDepartment('ZJJ', '市住房和城乡建设局', '住建局');
  cg = await t.addDepartment('CGJ', '市城市管理局', '城管局');
  await t.addUser('agent', 'agent');
  await t.addUser('office', 'office');
  await t.addUser('admin', 'admin');
  await t.addUser('kb', 'kb_editor');
  await t.addUser('zj', 'department', zj);
  await t.addUser('cg', 'department', cg);
}, 180_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sniffing and names (pure)', () => {
  it('knows JPEG, PNG, WebP and PDF by their first bytes and nothing else', () => {
    expect(sniffType(JPEG)).toBe('image/jpeg');
    expect(sniffType(PNG)).toBe('image/png');
    expect(sniffType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffType(PDF)).toBe('application/pdf');
    expect(sniffType(HTML)).toBeNull();
    expect(sniffType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffType(Buffer.from('PK\x03\x04'))).toBeNull();
    expect(sniffType(Buffer.alloc(0))).toBeNull();
  });

  it('keeps only the last path segment, drops control characters and takes the sniffed extension', () => {
    expect(safeFileName('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(safeFileName('C:\\Windows\\system32\\evil.exe', 'application/pdf')).toBe('evil.pdf');
    expect(safeFileName('现场照片.jpg', 'image/jpeg')).toBe('现场照片.jpg');
    expect(safeFileName('a\u0000b\u202ec.png', 'image/png')).toBe('abc.png');
    expect(safeFileName('...', 'image/png')).toBe('attachment.png');
    expect(safeFileName(undefined, 'application/pdf')).toBe('attachment.pdf');
    expect(safeFileName('x'.repeat(500) + '.png', 'image/png').length).toBeLessThanOrEqual(74);
  });

  it('sends an ASCII fallback and the UTF-8 name in Content-Disposition', () => {
    expect(contentDisposition('现场 "1".jpg')).toBe(
      `attachment; filename="__ _1_.jpg"; filename*=UTF-8''${encodeURIComponent('现场 "1".jpg')}`,
    );
  });
});

describe('department reply attachments', () => {
  it('stores the file outside the web root under a random name and serves it as a download', async () => {
    const id = await orderWithZj();
    const res = await upload('zj', `/api/orders/${id}/attachments`, PDF, '../../答复函.exe', 'text/html');
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ kind: 'reply', contentType: 'application/pdf', fileName: '答复函.pdf' });
    expect(a.size).toBe(PDF.length);
    // On disk: in the attachments directory, named by random hex, sealed with SM4 (nothing of it in clear).
    const stored = fs.readdirSync(dir, { recursive: true }).map(String);
    const file = stored.find((f) => /[0-9a-f]{32}$/.test(f));
    expect(file).toBeTruthy();
    const raw = fs.readFileSync(path.join(dir, file!));
    expect(raw.subarray(0, 4).toString()).toBe('SM4F');
    expect(raw.includes(Buffer.from('endobj'))).toBe(false);

    const down = await get('zj', a.url);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toContain('attachment;');
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('答复函.pdf'));
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-security-policy']).toContain('sandbox');
    expect(down.rawPayload).toEqual(PDF);

    // A file stored before sealing (plain) still opens; a sealed file altered on disk is refused, not served.
    fs.writeFileSync(path.join(dir, file!), PDF);
    expect((await get('zj', a.url)).rawPayload).toEqual(PDF);
    const tampered = Buffer.from(raw);
    tampered[tampered.length - 40]! ^= 1;
    fs.writeFileSync(path.join(dir, file!), tampered);
    const bad = await get('zj', a.url);
    expect(bad.statusCode).toBe(500);
    expect(bad.json().error.code).toBe('attachment_damaged');
    fs.writeFileSync(path.join(dir, file!), raw);

    for (const who of ['agent', 'office']) expect((await get(who, a.url)).statusCode).toBe(200);
    const list = await get('office', `/api/orders/${id}/attachments`);
    expect(list.json().items.map((x: { id: number }) => x.id)).toEqual([a.id]);
  });

  it('refuses a file whose bytes are not an image or PDF, whatever its name and type say (415)', async () => {
    const id = await orderWithZj();
    const res = await upload('zj', `/api/orders/${id}/attachments`, HTML, 'photo.jpg', 'image/jpeg');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_file_type');
    expect(res.json().error.fields[0].field).toBe('file');
  });

  it('refuses a file over 10 MB (413) and keeps nothing of it', async () => {
    const id = await orderWithZj();
    const before = fs.readdirSync(dir, { recursive: true }).length;
    const big = Buffer.concat([JPEG, Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
    const res = await upload('zj', `/api/orders/${id}/attachments`, big, 'big.jpg');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.fields[0].field).toBe('file');
    expect(fs.readdirSync(dir, { recursive: true }).length).toBe(before);
  });

  it('asks for the field "file" and for multipart', async () => {
    const id = await orderWithZj();
    const m = multipart(PNG, 'a.png', 'other');
    const wrongField = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${id}/attachments`,
      payload: m.payload,
      headers: { ...m.headers, ...(await t.as('zj')) },
    });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.fields[0].field).toBe('file');
    const json = await post('zj', `/api/orders/${id}/attachments`, { file: 'x' });
    expect([400, 415]).toContain(json.statusCode);
  });

  it("hides another department's order and its files (404), and refuses roles without need to know (403)", async () => {
    const id = await orderWithZj();
    expect((await upload('cg', `/api/orders/${id}/attachments`, PNG, 'a.png')).statusCode).toBe(404);
    const ok = await upload('zj', `/api/orders/${id}/attachments`, PNG, 'a.png');
    expect(ok.statusCode).toBe(201);
    const url = ok.json().url as string;
    expect((await get('cg', url)).statusCode).toBe(404);
    expect((await get('cg', `/api/orders/${id}/attachments`)).statusCode).toBe(404);
    for (const who of ['admin', 'kb']) {
      expect((await get(who, url)).statusCode).toBe(403);
      expect((await upload(who, `/api/orders/${id}/attachments`, PNG, 'a.png')).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await get('zj', '/api/attachments/999999')).statusCode).toBe(404);
    expect((await get('zj', '/api/attachments/99999999999')).statusCode).toBe(400);
  });

  it('lets a department attach only while the order is with it', async () => {
    const o = await newOrder();
    // Not dispatched: the department does not even see it.
    expect((await upload('zj', `/api/orders/${o.id}/attachments`, PNG, 'a.png')).statusCode).toBe(404);
    const id = await orderWithZj();
    const r = await post('zj', `/api/orders/${id}/actions/reply`, { reply: '已修复。' });
    expect(r.statusCode, r.body).toBe(200);
    const late = await upload('zj', `/api/orders/${id}/attachments`, PNG, 'a.png');
    expect(late.statusCode).toBe(403);
  });

  it('lets the call centre add the citizen material as a submission attachment', async () => {
    const o = await newOrder();
    const res = await upload('agent', `/api/orders/${o.id}/attachments`, JPEG, 'IMG_0001.JPG');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'submission', fileName: 'IMG_0001.jpg' });
  });
});

describe('citizen attachments', () => {
  async function submit() {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/orders',
      payload: {
        type: 'complaint',
        content: '小区门口烧烤摊油烟很大。',
        caller: { name: '李女士', phone: '13900001111' },
        location: { district: '郾城区' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { number: string; trackingCode: string };
  }

  it('adds a photo with the number and tracking code; a wrong code is a 404', async () => {
    const s = await submit();
    const ok = await upload(
      null,
      `/api/public/orders/${s.number}/attachments?code=${s.trackingCode}`,
      PNG,
      '烧烤摊.png',
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'submission', uploaderRole: 'citizen', fileName: '烧烤摊.png' });
    const bad = await upload(null, `/api/public/orders/${s.number}/attachments?code=WRONG`, PNG, 'a.png');
    expect(bad.statusCode).toBe(404);
    const hostile = await upload(null, `/api/public/orders/${s.number}/attachments?code=a%00b`, PNG, 'a.png');
    expect(hostile.statusCode).toBe(400);
    // Staff see the citizen's photo on the order.
    const orders = await get('agent', `/api/orders?q=${s.number}`);
    const id = orders.json().items[0].id as number;
    const list = await get('agent', `/api/orders/${id}/attachments`);
    expect(list.json().items).toHaveLength(1);
    const down = await get('agent', list.json().items[0].url);
    expect(down.rawPayload).toEqual(PNG);
  });

  it('refuses a script disguised as a photo and closes once the request is taken in', async () => {
    const s = await submit();
    const url = `/api/public/orders/${s.number}/attachments?code=${s.trackingCode}`;
    expect((await upload(null, url, HTML, 'x.png', 'image/png')).statusCode).toBe(415);
    const orders = await get('agent', `/api/orders?q=${s.number}`);
    const o = orders.json().items[0] as { id: number };
    const acc = await post('agent', `/api/orders/${o.id}/actions/accept`, {});
    expect(acc.statusCode, acc.body).toBe(200);
    expect((await upload(null, url, PNG, 'a.png')).statusCode).toBe(403);
  });
});

describe('key rotation of attachment files', () => {
  it('seals every file again with the new key, files stored before sealing too; they still download', async () => {
    const files = () =>
      fs
        .readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => /[0-9a-f]{32}$/.test(f))
        .map((f) => path.join(dir, f));
    const all = files();
    expect(all.length).toBeGreaterThanOrEqual(3);
    fs.writeFileSync(all[0]!, JPEG); // as written before files were sealed
    const old = activeKeyring();
    const ring = {
      ...old,
      current: 'k2',
      keys: new Map([...old.keys, ['k2', deriveDataKey('k2', randomBytes(32))]]),
    };
    installKeyring(ring);
    expect(await resealAttachmentFiles(t.db.orm, dir, ring)).toBe(all.length);
    expect(files().map((f) => keyIdOfBytes(fs.readFileSync(f)))).toEqual(all.map(() => 'k2'));
    expect(await resealAttachmentFiles(t.db.orm, dir, ring)).toBe(0);
    // Every file still opens and matches its upload digest (the first was replaced by other bytes above).
    const rows = await t.db.orm.select().from(orderAttachments);
    const replaced = path.basename(all[0]!);
    for (const r of rows.filter((r) => r.storedName !== replaced)) {
      const down = await get('office', `/api/attachments/${r.id}`);
      expect(down.statusCode, `${r.id} ${down.body.slice(0, 200)}`).toBe(200);
      expect(down.rawPayload.length).toBe(r.size);
    }
  });
});

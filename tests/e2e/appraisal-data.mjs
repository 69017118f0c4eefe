// Dossiers as a Sở receives them, made for the receiving side's tests and benchmark from
// tests/fixtures/complete-thpt.json (a provincial THPT school that meets level 2), and a tiny
// stored-ZIP writer (PKWARE APPNOTE: local headers, central directory, end record; no
// compression, CRC-32 of each entry) to pack some of them as an office sends them.
import fs from 'node:fs';
import path from 'node:path';

export const BASE = JSON.parse(fs.readFileSync(path.resolve('tests/fixtures/complete-thpt.json'), 'utf8'));
const HUYEN = JSON.parse(fs.readFileSync(path.resolve('tests/fixtures/incomplete-ubnd-xa.json'), 'utf8'));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP archive of `entries` ([{ name, data }]), stored (method 0), names in UTF-8. */
export function storedZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const bytes = Buffer.from(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(bytes.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(bytes.length, 20);
    central.writeUInt32LE(bytes.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, bytes);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + bytes.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The members who keep discipline, for each self-assessed level (of 120 members). */
const DISCIPLINE = { 2: 120, 1: 111, 0: 90 };

/** A provincial dossier of 2025 made from the fixture. */
export function dossier({ name, kind = 'thpt', level = 2, previous = true, year = 2025, edit } = {}) {
  const d = structuredClone(BASE);
  d.unit.name = name;
  d.unit.kind = kind;
  d.counts.members_discipline = DISCIPLINE[level];
  d.year = year;
  if (!previous) delete d.previous_recognition;
  if (edit) edit(d);
  return d;
}

export const text = (d) => JSON.stringify(d, null, 2) + '\n';

/** The three dossiers the end-to-end test appraises. */
export const A = 'Trường THPT Nguyễn Trãi';
export const B = 'Trường THPT Lê Quý Đôn';
export const C = 'Trung tâm Giáo dục thường xuyên tỉnh';
export const DUPLICATE = 'Trường THPT Chu Văn An';

/**
 * A folder of 50 varied dossiers for a Sở receiving provincial dossiers of 2025: 31 loose valid
 * ones of both provincial kinds the fixture fits and every level, with and without a previous
 * decision (one unit sent twice); invalid ones (a count over its total, a district kind, no
 * year, text that is not JSON, a JSON file that is no dossier); three of 2024; two district
 * dossiers; and a .zip of nine more (seven valid, one of 2024, one invalid). Returns the
 * files to pick, the archive among them, and the counts expected.
 */
export function writeFolder(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  const put = (name, body) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, body);
    files.push(p);
  };
  put('01-nguyen-trai.json', text(dossier({ name: A, level: 2, previous: false })));
  put('02-le-quy-don.json', text(dossier({ name: B, level: 2, previous: true })));
  put('03-gdtx.json', text(dossier({ name: C, kind: 'gdtx_tinh', level: 1, previous: false })));
  put('04-chu-van-an.json', text(dossier({ name: DUPLICATE, level: 1, previous: false })));
  for (let i = 5; i <= 30; i++) {
    const kind = i % 2 ? 'thpt' : 'gdtx_tinh';
    const name = kind === 'thpt' ? `Trường THPT số ${i}` : `Trung tâm GDTX số ${i}`;
    put(`${String(i).padStart(2, '0')}-don-vi.json`, text(dossier({ name, kind, level: i % 3, previous: i % 4 === 0 })));
  }
  // The same unit again, sent later with its figures corrected.
  put('32-chu-van-an-gui-lai.json', text(dossier({ name: DUPLICATE, level: 2, previous: false })));
  put('33-sai-so.json', text(dossier({ name: 'Trường THPT Sai Số', edit: (d) => { d.counts.members_discipline = 500; } })));
  put('34-mam-non.json', text(dossier({ name: 'Trường Mầm non Hoa Sen', edit: (d) => { d.unit.kind = 'mam_non'; } })));
  put('35-thieu-nam.json', text(dossier({ name: 'Trường THPT Thiếu Năm', edit: (d) => { d.year = null; } })));
  put('36-hong.json', '{ "format": "dvht-dossier", "unit": { "name": "Trường THPT Hỏng"');
  put('37-ghi-chu.json', JSON.stringify({ ghi_chu: 'Danh sách đơn vị gửi hồ sơ' }));
  for (let i = 38; i <= 40; i++) put(`${i}-nam-2024.json`, text(dossier({ name: `Trường THPT năm trước ${i}`, year: 2024 })));
  for (let i = 41; i <= 42; i++) {
    const d = structuredClone(HUYEN);
    d.unit.name = `Ủy ban nhân dân xã số ${i}`;
    d.year = 2025;
    put(`${i}-cap-huyen.json`, text(d));
  }
  const inZip = [];
  for (let i = 43; i <= 49; i++) {
    const kind = i % 2 ? 'thpt' : 'gdtx_tinh';
    inZip.push({ name: `dot-2/${i}-don-vi.json`, data: text(dossier({ name: `Đơn vị đợt hai số ${i}`, kind, level: i % 3, previous: false })) });
  }
  inZip.push({ name: 'dot-2/50-nam-2024.json', data: text(dossier({ name: 'Đơn vị đợt hai năm trước', year: 2024 })) });
  inZip.push({ name: 'dot-2/51-sai-so.json', data: text(dossier({ name: 'Đơn vị đợt hai sai số', edit: (d) => { d.counts.members_learning_citizen = 999; } })) });
  const zip = path.join(dir, 'ho-so-dot-2.zip');
  fs.writeFileSync(zip, storedZip(inZip));
  files.push(zip);
  return {
    files,
    zip,
    expected: { entries: 31 + 3 + 7 + 1, valid: 31 + 7, invalid: 3 + 1, rejected: 2 + 3 + 2 + 1, otherYearOrScope: 3 + 2 + 1 },
  };
}

/**
 * A minimal zip writer (stored, not compressed; PKWARE APPNOTE 6.3 §4.3) so the Rust project
 * downloads as one archive that unpacks into a folder `cargo run` works in. Entries carry a fixed
 * timestamp (1980-01-01) so the same project always yields the same bytes.
 */
import { crc32 } from '../share/crc32.ts';
import type { ProjectFile } from './rust-project.ts';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** Version 2.0; general-purpose flag bit 11: names are UTF-8. */
const VERSION = 20;
const UTF8 = 1 << 11;
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;

interface Entry {
  readonly name: Uint8Array;
  readonly data: Uint8Array;
  readonly crc: number;
  readonly offset: number;
}

export function zipFiles(files: readonly ProjectFile[], folder = ''): Uint8Array {
  const enc = new TextEncoder();
  const entries: Entry[] = [];
  let offset = 0;
  for (const f of files) {
    const name = enc.encode(folder === '' ? f.path : `${folder}/${f.path}`);
    const data = enc.encode(f.text);
    entries.push({ name, data, crc: crc32(data), offset });
    offset += 30 + name.length + data.length;
  }
  const centralSize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(offset + centralSize + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  const u16 = (v: number) => {
    view.setUint16(p, v, true);
    p += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(p, v, true);
    p += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, p);
    p += b.length;
  };
  const common = (e: Entry) => {
    u16(VERSION);
    u16(UTF8);
    u16(0); // stored
    u16(0); // time 00:00:00
    u16(DOS_DATE_1980_01_01);
    u32(e.crc);
    u32(e.data.length);
    u32(e.data.length);
    u16(e.name.length);
    u16(0); // extra field length
  };
  for (const e of entries) {
    u32(LOCAL);
    common(e);
    bytes(e.name);
    bytes(e.data);
  }
  for (const e of entries) {
    u32(CENTRAL);
    u16(VERSION); // made by
    common(e);
    u16(0); // comment length
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(e.offset);
    bytes(e.name);
  }
  u32(END);
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(centralSize);
  u32(offset);
  u16(0);
  return out;
}

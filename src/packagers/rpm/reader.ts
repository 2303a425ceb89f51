import { open } from 'node:fs/promises';
import { HEADER_MAGIC, REGION_IMMUTABLE, REGION_SIGNATURES, RPM_TYPE, TYPE_ALIGN } from './header.js';
import { LEAD_MAGIC, LEAD_SIZE } from './lead.js';

/**
 * Reads rpm headers back, checking the rules rpm itself enforces (lib/header.cc): region tag
 * first with a trailer that covers every entry, tags sorted, data in index order without
 * overlap, type alignment, counts ≥ 1. Used by tests and by repository writers (header range,
 * primary.xml fields).
 */

export interface RawEntry {
  tag: number;
  type: number;
  offset: number;
  count: number;
  /** Bytes of the entry's data. */
  data: Uint8Array;
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1 };
const decoder = new TextDecoder('utf-8', { fatal: true });

export class RpmHeader {
  constructor(
    /** Entries in index order; the region entry first. */
    readonly entries: RawEntry[],
    /** Position of the header's magic in the file and its total length. */
    readonly start: number,
    readonly length: number,
  ) {}

  get(tag: number): RawEntry | undefined {
    return this.entries.find((e) => e.tag === tag);
  }

  has(tag: number): boolean {
    return this.get(tag) !== undefined;
  }

  strings(tag: number): string[] | undefined {
    const e = this.get(tag);
    if (!e) return undefined;
    if (e.type !== RPM_TYPE.STRING && e.type !== RPM_TYPE.STRING_ARRAY && e.type !== RPM_TYPE.I18NSTRING) throw new Error(`tag ${tag} is type ${e.type}, not a string`);
    const out: string[] = [];
    let at = 0;
    for (let i = 0; i < e.count; i++) {
      const end = e.data.indexOf(0, at);
      out.push(decoder.decode(e.data.subarray(at, end)));
      at = end + 1;
    }
    return out;
  }

  string(tag: number): string | undefined {
    return this.strings(tag)?.[0];
  }

  ints(tag: number): number[] | undefined {
    const e = this.get(tag);
    if (!e) return undefined;
    const v = new DataView(e.data.buffer, e.data.byteOffset, e.data.byteLength);
    const out: number[] = [];
    for (let i = 0; i < e.count; i++) {
      if (e.type === RPM_TYPE.INT16) out.push(v.getUint16(i * 2));
      else if (e.type === RPM_TYPE.INT32) out.push(v.getInt32(i * 4));
      else if (e.type === RPM_TYPE.INT64) out.push(Number(v.getBigUint64(i * 8)));
      else if (e.type === RPM_TYPE.INT8 || e.type === RPM_TYPE.CHAR) out.push(v.getUint8(i));
      else throw new Error(`tag ${tag} is type ${e.type}, not an integer`);
    }
    return out;
  }

  int(tag: number): number | undefined {
    return this.ints(tag)?.[0];
  }

  bin(tag: number): Uint8Array | undefined {
    return this.get(tag)?.data;
  }
}

function dataLength(e: { type: number; count: number; offset: number; tag: number }, store: Uint8Array): number {
  if (e.type === RPM_TYPE.STRING || e.type === RPM_TYPE.STRING_ARRAY || e.type === RPM_TYPE.I18NSTRING) {
    if (e.type === RPM_TYPE.STRING && e.count !== 1) throw new Error(`tag ${e.tag}: STRING with count ${e.count}`);
    let at = e.offset;
    for (let i = 0; i < e.count; i++) {
      const end = store.indexOf(0, at);
      if (end < 0) throw new Error(`tag ${e.tag}: unterminated string`);
      at = end + 1;
    }
    return at - e.offset;
  }
  const size = TYPE_SIZE[e.type];
  if (size === undefined) throw new Error(`tag ${e.tag}: unknown type ${e.type}`);
  return size * e.count;
}

/** Parses and checks one header structure at `start`; `region` is the tag its region must have. */
export function parseHeader(bytes: Uint8Array, start: number, region: number): RpmHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < 8; i++) if (bytes[start + i] !== HEADER_MAGIC[i]) throw new Error(`no header magic at ${start}`);
  const il = view.getUint32(start + 8);
  const dl = view.getUint32(start + 12);
  const indexStart = start + 16;
  const storeStart = indexStart + il * 16;
  if (storeStart + dl > bytes.length) throw new Error(`header at ${start} runs past the end (il ${il}, dl ${dl})`);
  const store = bytes.subarray(storeStart, storeStart + dl);
  const raw = [...Array(il).keys()].map((i) => {
    const at = indexStart + i * 16;
    return { tag: view.getUint32(at), type: view.getUint32(at + 4), offset: view.getInt32(at + 8), count: view.getUint32(at + 12) };
  });
  const first = raw[0];
  if (!first || first.tag !== region || first.type !== RPM_TYPE.BIN || first.count !== 16) throw new Error(`header at ${start}: first entry is not region ${region}`);
  if (first.offset !== dl - 16) throw new Error(`region trailer at ${first.offset}, expected the last 16 bytes (${dl - 16})`);
  const tv = new DataView(store.buffer, store.byteOffset + first.offset, 16);
  if (tv.getUint32(0) !== region || tv.getUint32(4) !== RPM_TYPE.BIN || tv.getInt32(8) !== -(il * 16) || tv.getUint32(12) !== 16) {
    throw new Error(`region trailer ${tv.getUint32(0)}/${tv.getUint32(4)}/${tv.getInt32(8)}/${tv.getUint32(12)} does not cover ${il} entries`);
  }
  const entries: RawEntry[] = [{ ...first, data: store.subarray(first.offset, first.offset + 16) }];
  let end = 0;
  let prevTag = 0;
  for (const e of raw.slice(1)) {
    if (e.tag <= prevTag) throw new Error(`tag ${e.tag} out of order after ${prevTag}`);
    prevTag = e.tag;
    if (e.count < 1) throw new Error(`tag ${e.tag}: count 0`);
    const align = TYPE_ALIGN[e.type] ?? 1;
    if (e.offset % align !== 0) throw new Error(`tag ${e.tag}: offset ${e.offset} not aligned to ${align}`);
    if (e.offset < end) throw new Error(`tag ${e.tag}: data at ${e.offset} overlaps the previous entry (ends ${end})`);
    // rpm recomputes the region size from lengths plus alignment, so a gap is an error too.
    const expected = end + ((align - (end % align)) % align);
    if (e.offset !== expected) throw new Error(`tag ${e.tag}: data at ${e.offset}, expected ${expected} (no gaps allowed)`);
    const len = dataLength(e, store);
    if (len <= 0 || e.offset + len > dl - 16) throw new Error(`tag ${e.tag}: data runs into the region trailer`);
    entries.push({ ...e, data: store.subarray(e.offset, e.offset + len) });
    end = e.offset + len;
  }
  if (end !== dl - 16) throw new Error(`data store has ${dl - 16 - end} unused bytes before the trailer`);
  return new RpmHeader(entries, start, storeStart + dl - start);
}

export interface RpmPackage {
  lead: { major: number; minor: number; type: number; archnum: number; name: string; osnum: number; signatureType: number };
  signature: RpmHeader;
  header: RpmHeader;
  /** Where the compressed payload starts. */
  payloadOffset: number;
}

/** Parses the lead and both headers of a package (the payload is not needed). */
export function parseRpm(bytes: Uint8Array): RpmPackage {
  for (let i = 0; i < 4; i++) if (bytes[i] !== LEAD_MAGIC[i]) throw new Error('not an rpm: bad lead magic');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameBytes = bytes.subarray(10, 76);
  const lead = {
    major: bytes[4]!,
    minor: bytes[5]!,
    type: view.getUint16(6),
    archnum: view.getUint16(8),
    name: new TextDecoder().decode(nameBytes.subarray(0, nameBytes.indexOf(0))),
    osnum: view.getUint16(76),
    signatureType: view.getUint16(78),
  };
  const signature = parseHeader(bytes, LEAD_SIZE, REGION_SIGNATURES);
  const sigEnd = signature.start + signature.length;
  const headerStart = sigEnd + ((8 - (sigEnd % 8)) % 8);
  const header = parseHeader(bytes, headerStart, REGION_IMMUTABLE);
  return { lead, signature, header, payloadOffset: header.start + header.length };
}

/** Reads just enough of a package file to parse its headers (the intros give the sizes). */
export async function readRpmHeaders(path: string): Promise<RpmPackage> {
  const fh = await open(path, 'r');
  try {
    const intro = async (at: number) => {
      const b = Buffer.alloc(16);
      const { bytesRead } = await fh.read(b, 0, 16, at);
      if (bytesRead !== 16) throw new Error(`${path}: truncated rpm (no header at ${at})`);
      return at + 16 + b.readUInt32BE(8) * 16 + b.readUInt32BE(12);
    };
    const sigEnd = await intro(LEAD_SIZE);
    const end = await intro(sigEnd + ((8 - (sigEnd % 8)) % 8));
    const buf = Buffer.alloc(end);
    await fh.read(buf, 0, end, 0);
    return parseRpm(buf);
  } finally {
    await fh.close();
  }
}

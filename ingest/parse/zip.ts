import zlib from 'node:zlib';
import { ingestError } from '../errors.js';
import { mb, ZIP_RATIO_MIN_BYTES, type ParseLimits } from './limits.js';

/**
 * A zip-bomb guard that runs before any zip library touches the file: the central directory is
 * read by hand, its declared sizes, entry count and ratios are checked, entries must not overlap
 * (the "overlapping files" bomb), and each entry is inflated with a hard output cap so a
 * directory that lies about sizes is caught too.
 */

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  offset: number;
  /** Offset of the entry's data, after the local header. */
  dataOffset: number;
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** Inflated content of an entry (already verified), or null when absent. */
  read(name: string): Buffer | null;
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;

function corrupt(detail: string) {
  return ingestError('invalid:docx', `zip: ${detail}`);
}

function bomb(detail: string) {
  return ingestError('invalid:zip_bomb', `zip: ${detail}`);
}

export function inspectZip(
  bytes: Uint8Array,
  limits: Pick<ParseLimits, 'zipMaxEntries' | 'zipMaxUncompressed' | 'zipMaxRatio'> & Partial<Pick<ParseLimits, 'docxMaxXml'>>,
): ZipArchive {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: last 22 bytes, or earlier if the archive has a comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end-of-central-directory record (truncated or not a zip)');
  const total = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (total === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw corrupt('zip64 archives are not accepted for DOCX');
  if (total > limits.zipMaxEntries) throw bomb(`${total} entries (limit ${limits.zipMaxEntries})`);
  if (cdOffset + cdSize > eocd) throw corrupt('central directory outside the file');

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let declared = 0;
  for (let n = 0; n < total; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CDH_SIG) throw corrupt(`bad central directory header #${n}`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString(flags & 0x800 ? 'utf8' : 'latin1');
    p += 46 + nameLen + extraLen + commentLen;
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) throw corrupt('zip64 entries are not accepted');
    if (flags & 0x1) throw corrupt(`entry ${name} is encrypted`);
    if (method !== 0 && method !== 8) throw corrupt(`entry ${name} uses compression method ${method}`);
    declared += size;
    if (declared > limits.zipMaxUncompressed) throw bomb(`declared uncompressed size exceeds ${limits.zipMaxUncompressed} bytes`);
    if (size > ZIP_RATIO_MIN_BYTES && size / Math.max(1, compressedSize) > limits.zipMaxRatio) {
      throw bomb(`entry ${name} expands ${Math.round(size / Math.max(1, compressedSize))}× (limit ${limits.zipMaxRatio}×)`);
    }
    if (offset + 30 > cdOffset || buf.readUInt32LE(offset) !== LFH_SIG) throw corrupt(`entry ${name} has no local header`);
    const dataOffset = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    if (dataOffset + compressedSize > cdOffset) throw corrupt(`entry ${name} runs past the data area`);
    entries.push({ name, method, flags, compressedSize, size, offset, dataOffset });
  }

  // XML under the ratio limit can still be too much to parse (mammoth holds ~25× its size):
  // refused on the declared sizes, before anything is inflated (inflating checks they are true).
  const xml = entries.filter((e) => /\.(xml|rels)$/i.test(e.name)).reduce((n, e) => n + e.size, 0);
  if (limits.docxMaxXml !== undefined && xml > limits.docxMaxXml) {
    throw ingestError(
      'invalid:too_complex',
      `zip: ${xml} bytes of XML (limit ${limits.docxMaxXml})`,
      `Tệp DOCX chứa ${mb(xml)} dữ liệu XML, vượt giới hạn ${mb(limits.docxMaxXml)}. Hãy lưu lại văn bản (bỏ định dạng thừa) hoặc tách thành các tệp nhỏ hơn.`,
    );
  }

  // Entries sharing bytes are how "overlapping" bombs get 10^6× ratios past per-entry checks.
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1]!;
    if (byOffset[i]!.offset < prev.dataOffset + prev.compressedSize) throw bomb(`entries ${prev.name} and ${byOffset[i]!.name} overlap`);
  }

  // Inflate everything once under a hard cap: a directory that understates sizes is caught here.
  const contents = new Map<string, Buffer>();
  let inflated = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const raw = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    let out: Buffer;
    if (e.method === 0) out = Buffer.from(raw);
    else {
      try {
        out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) + 1 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw bomb(`entry ${e.name} inflates past its declared ${e.size} bytes`);
        throw corrupt(`entry ${e.name} does not inflate: ${(err as Error).message}`);
      }
    }
    if (out.length !== e.size) throw corrupt(`entry ${e.name} is ${out.length} bytes, directory says ${e.size}`);
    inflated += out.length;
    if (inflated > limits.zipMaxUncompressed) throw bomb(`inflated size exceeds ${limits.zipMaxUncompressed} bytes`);
    contents.set(e.name, out);
  }
  return { entries, read: (name) => contents.get(name) ?? null };
}

/** Is this zip a Word document (rather than XLSX, ODT, EPUB or a plain archive)? */
export function isDocx(zip: ZipArchive): boolean {
  const names = new Set(zip.entries.map((e) => e.name));
  return names.has('[Content_Types].xml') && [...names].some((n) => /^word\/[^/]+\.xml$/.test(n));
}

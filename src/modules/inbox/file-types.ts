/**
 * Which files may be uploaded, decided by name and content. The browser's declared type is
 * not trusted: the extension names the kind, the first bytes must agree with it, and the stored
 * MIME type is ours. A file without a known extension is recognised by its bytes alone (phones
 * send photos as "image" or "blob").
 */
export interface FileKind {
  key: 'jpeg' | 'png' | 'webp' | 'heic' | 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'txt';
  mime: string;
  extensions: readonly string[];
  /** True when the content looks like this kind (cheap: magic bytes, a zip entry name, no binary bytes in text). */
  matches(b: Buffer): boolean;
}

const startsWith = (b: Buffer, bytes: readonly number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, s: string, at = 0) => b.length >= at + s.length && b.toString('latin1', at, at + s.length) === s;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** ISO base media brands of HEIF/HEIC pictures (iPhone photos). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif']);

function isHeif(b: Buffer): boolean {
  if (!ascii(b, 'ftyp', 4)) return false;
  const boxSize = b.readUInt32BE(0);
  const end = Math.min(b.length, Math.max(16, boxSize));
  for (let at = 8; at + 4 <= end; at += 4) {
    if (at === 12) continue; // minor version
    if (HEIF_BRANDS.has(b.toString('latin1', at, at + 4))) return true;
  }
  return false;
}

/** A zip whose entry names include `prefix` (Office Open XML keeps names uncompressed in the local headers). */
function ooxml(b: Buffer, prefix: string): boolean {
  return startsWith(b, ZIP) && b.includes(prefix, 0, 'latin1');
}

/**
 * Plain text: a UTF-16 byte order mark, or no control bytes besides tab, line feed, form feed
 * and carriage return (UTF-8 and GB18030 both pass; a binary file does not).
 */
function isText(b: Buffer): boolean {
  if (startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff])) return true;
  const n = Math.min(b.length, 64 * 1024);
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) return false;
    if (c === 0x7f) return false;
  }
  return true;
}

export const FILE_KINDS: readonly FileKind[] = [
  { key: 'jpeg', mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jfif'], matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { key: 'png', mime: 'image/png', extensions: ['png'], matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { key: 'webp', mime: 'image/webp', extensions: ['webp'], matches: (b) => ascii(b, 'RIFF') && ascii(b, 'WEBP', 8) },
  { key: 'heic', mime: 'image/heic', extensions: ['heic', 'heif'], matches: isHeif },
  { key: 'pdf', mime: 'application/pdf', extensions: ['pdf'], matches: (b) => b.subarray(0, 1024).includes('%PDF-', 0, 'latin1') },
  { key: 'doc', mime: 'application/msword', extensions: ['doc'], matches: (b) => startsWith(b, OLE2) },
  { key: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], matches: (b) => ooxml(b, 'word/') },
  { key: 'xls', mime: 'application/vnd.ms-excel', extensions: ['xls'], matches: (b) => startsWith(b, OLE2) },
  { key: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], matches: (b) => ooxml(b, 'xl/') },
  { key: 'txt', mime: 'text/plain; charset=utf-8', extensions: ['txt'], matches: isText },
];

/** Kinds recognised by content alone, for files without a usable extension (never text: anything could be). */
const SNIFFABLE = FILE_KINDS.filter((k) => ['jpeg', 'png', 'webp', 'heic', 'pdf', 'docx', 'xlsx'].includes(k.key));

export const ALLOWED_EXTENSIONS = FILE_KINDS.flatMap((k) => k.extensions);

export type Classified =
  | { ok: true; kind: FileKind }
  /** `unsupported`: not a kind we take; `mismatch`: the name says one kind, the bytes another (renamed or damaged). */
  | { ok: false; reason: 'unsupported' | 'mismatch' };

export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

export function classifyFile(fileName: string, content: Buffer): Classified {
  const ext = extensionOf(fileName);
  const byName = FILE_KINDS.find((k) => k.extensions.includes(ext));
  if (byName) return byName.matches(content) ? { ok: true, kind: byName } : { ok: false, reason: 'mismatch' };
  if (ext && !/^(image|blob|file|tmp)$/.test(ext)) return { ok: false, reason: 'unsupported' };
  const sniffed = SNIFFABLE.find((k) => k.matches(content));
  return sniffed ? { ok: true, kind: sniffed } : { ok: false, reason: 'unsupported' };
}

/** A file name safe to store and to send back: no folders, no control characters, at most 200 characters, never empty. */
export function cleanFileName(raw: string, kind: FileKind): string {
  // Control characters are exactly what is stripped from an uploaded file's name.
  // eslint-disable-next-line no-control-regex
  const base = raw.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const named = base && base !== '.' && base !== '..' ? base : `file.${kind.extensions[0]}`;
  const withExt = extensionOf(named) && kind.extensions.includes(extensionOf(named)) ? named : `${named}.${kind.extensions[0]}`;
  if (withExt.length <= 200) return withExt;
  const ext = '.' + extensionOf(withExt);
  return withExt.slice(0, 200 - ext.length) + ext;
}

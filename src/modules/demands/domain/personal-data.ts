/**
 * Masking of personal data for everyone who does not handle the demand (lists, exports, other
 * staff): a name keeps its first character (张*, 欧阳** → 欧**), a phone its first three and last
 * four digits (138****1234), an ID number its first three and last four (620***********1234).
 */
export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const d = [...phone];
  if (d.length <= 7) return '*'.repeat(d.length);
  return d.slice(0, 3).join('') + '*'.repeat(d.length - 7) + d.slice(-4).join('');
}

export function maskIdNo(id: string | null): string | null {
  if (!id) return id;
  const d = [...id];
  if (d.length <= 7) return '*'.repeat(d.length);
  return d.slice(0, 3).join('') + '*'.repeat(d.length - 7) + d.slice(-4).join('');
}

export interface Person { name: string | null; phone: string | null; idNo: string | null }

export const maskPerson = (p: Person): Person => ({ name: maskName(p.name), phone: maskPhone(p.phone), idNo: maskIdNo(p.idNo) });

/** 27 symbols, none that is read as another (no 0/O, 1/I/L, 2/Z, 5/S); 12 of them ≈ 57 bits. */
export const TRACKING_ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';
export const TRACKING_LENGTH = 12;

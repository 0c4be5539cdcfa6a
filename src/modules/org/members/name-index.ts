import { pinyin } from 'pinyin-pro';

/**
 * The pinyin forms a name is found and sorted by: syllables separated by spaces ("zhang san",
 * so that 陈 chen sorts before 程 cheng whatever follows) and initials ("zs"). Surnames are read
 * in their surname reading (单 shan, 曾 zeng). Search compares the pinyin without spaces.
 */
export function nameIndex(name: string): { pinyin: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return { pinyin: syllables.join(' '), initials: syllables.map((s) => s[0]).join('') };
}

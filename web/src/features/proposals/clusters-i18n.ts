import { useCallback } from 'react';
import { useI18n } from '../../app/i18n';

/**
 * Strings of the session's merge clusters (并案聚类) and of the draft form's files, kept with the
 * feature (zh-CN first, en typed against it). The menu label lives in the app catalogues.
 */
const zh = {
  'clu.title': '并案聚类',
  'clu.session': '会议',
  'clu.summary': '本次会议待审查和已立案的提案共 {compared} 件，其中 {n} 组疑似同一事项（相似度不低于 {threshold}）。',
  'clu.none': '本次会议没有疑似同一事项的提案。',
  'clu.noSession': '尚未设置全体会议，无法聚类。',
  'clu.group': '第 {k} 组 · {n} 件',
  'clu.top': '最高相似度 {n}',
  'clu.master': '建议主提案',
  'clu.mergeInto': '并入',
  'clu.masterUnfiled': '本组尚无已立案的提案：请先对建议主提案立案，再办理并案。',
  'clu.openMaster': '去立案',
  'clu.number': '编号',
  'clu.titleCol': '案由',
  'clu.proposers': '提案人',
  'clu.state': '状态',
  'clu.score': '与建议主提案相似度',
  'clu.action': '操作',
  'clu.merge': '并案',
  'clu.merged': '已并案，编号 {label}',
  'clu.mergeFailed': '并案失败',
  'clu.isMaster': '主提案',
  'clu.cannotMerge': '已立案，不能并入他案',
  'clu.hint': '相似度按提案查重的同一评分和阈值计算；同组提案由两两相似连成一组。并案后提案人仍会收到主提案的答复并计入履职。',
  'files.label': '附件（调研报告等，可不填）',
  'files.hint': '保存时以此列表为准：移除的文件将被删除。',
} as const;

type CluKey = keyof typeof zh;

const en: Record<CluKey, string> = {
  'clu.title': 'Merge clusters',
  'clu.session': 'Session',
  'clu.summary': '{compared} proposals of this session are under review or filed; {n} groups seem to raise the same matter (similarity at least {threshold}).',
  'clu.none': 'No proposals of this session seem to raise the same matter.',
  'clu.noSession': 'No plenary session has been set up yet.',
  'clu.group': 'Group {k} · {n} proposals',
  'clu.top': 'highest similarity {n}',
  'clu.master': 'Suggested master',
  'clu.mergeInto': 'Merge into',
  'clu.masterUnfiled': 'No proposal of this group is filed yet: file the suggested master first, then merge.',
  'clu.openMaster': 'Open to file',
  'clu.number': 'No.',
  'clu.titleCol': 'Title',
  'clu.proposers': 'Proposers',
  'clu.state': 'State',
  'clu.score': 'Similarity to the suggested master',
  'clu.action': 'Action',
  'clu.merge': 'Merge',
  'clu.merged': 'Merged, numbered {label}',
  'clu.mergeFailed': 'Merge failed',
  'clu.isMaster': 'Master',
  'clu.cannotMerge': 'Filed: cannot be merged into another',
  'clu.hint': 'Similarity uses the same scoring and threshold as duplicate detection; a group links proposals that are pairwise similar. Merged proposers still receive the master\'s reply and are credited.',
  'files.label': 'Attachments (research reports etc., optional)',
  'files.hint': 'Saving keeps exactly this list: removed files are deleted.',
};

const catalogs = { zh, en } as const;

/** `const t = useCluT(); t('clu.title')` — follows the app's language. */
export function useCluT() {
  const { lang } = useI18n();
  return useCallback((key: CluKey, values?: Record<string, string | number>) => {
    const text: string = (lang === 'en' ? catalogs.en : catalogs.zh)[key] ?? key;
    return values ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m)) : text;
  }, [lang]);
}
export type CluT = ReturnType<typeof useCluT>;
export type { CluKey };

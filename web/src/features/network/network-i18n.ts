import { useCallback } from 'react';
import { useI18n } from '../../app/i18n';

/** The network pages' strings, kept with the feature (zh-CN first, en typed against it). Only the menu label lives in the app catalogues. */
const zh = {
  'page.title': '委员联系群众阵地',
  'page.year': '年度',
  'totals.villages': '村（社区）',
  'totals.covered': '有协商议事室的村',
  'totals.coverage': '覆盖率',
  'totals.places': '阵地',
  'totals.receptions': '本年接待次数',
  'towns.title': '各乡镇（街道）',
  'towns.name': '乡镇（街道）',
  'towns.villages': '村（社区）',
  'towns.covered': '已覆盖',
  'towns.members': '下沉委员',
  'towns.receptions': '接待次数',
  'map.title': '网络示意图',
  'map.alt': '本会委员联系群众阵地示意图',
  'duties.title': '我的接待日（近 30 天）',
  'duties.none': '近 30 天没有排班',
  'duties.recorded': '已登记',
  'duties.open': '待登记',
};
type NetworkKey = keyof typeof zh;
const en: Record<NetworkKey, string> = {
  'page.title': 'Grassroots network',
  'page.year': 'Year',
  'totals.villages': 'Villages',
  'totals.covered': 'Villages with a consultation room',
  'totals.coverage': 'Coverage',
  'totals.places': 'Places',
  'totals.receptions': 'Receptions this year',
  'towns.title': 'Towns',
  'towns.name': 'Town',
  'towns.villages': 'Villages',
  'towns.covered': 'Covered',
  'towns.members': 'Members placed',
  'towns.receptions': 'Receptions',
  'map.title': 'Network schematic',
  'map.alt': "Schematic of the committee's grassroots network",
  'duties.title': 'My reception days (next 30 days)',
  'duties.none': 'No duty days in the next 30 days',
  'duties.recorded': 'Recorded',
  'duties.open': 'To record',
};

const catalogs = { zh, en } as const;
export type NetworkT = (key: NetworkKey) => string;

/** `const t = useNetworkT(); t('page.title')` — follows the app's language. */
export function useNetworkT(): NetworkT {
  const { lang } = useI18n();
  return useCallback((key: NetworkKey) => catalogs[lang][key] ?? key, [lang]);
}

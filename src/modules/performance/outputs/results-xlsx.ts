import { exceljs } from '../../../platform/exports/lazy.js';
import { MEMBER_ROLE_LABELS } from '../../org/index.js';
import { DUTY_KINDS, primaryRole, type DutyKind } from '../domain/kinds.js';
import type { getAssessment } from '../queries/assessments.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Assessment = Awaited<ReturnType<typeof getAssessment>>;

/**
 * 考核结果 as a workbook: sheet 1 every member (rank, name, sector, role, points of each kind
 * that anyone scored, total, grade, sector rank, quota shortfalls, commended / warned /
 * allowance), sheet 2 the summary the office reports.
 */
export async function resultsXlsx(a: Assessment, committeeName: string): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  wb.creator = 'Xieshang';
  const ws = wb.addWorksheet('考核结果', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const kinds = [...new Set(a.results.flatMap((r) => r.byKind.filter((k) => k.count > 0).map((k) => k.kind)))]
    .sort((x, y) => Object.keys(DUTY_KINDS).indexOf(x) - Object.keys(DUTY_KINDS).indexOf(y)) as DutyKind[];
  ws.columns = [
    { header: '名次', key: 'rank', width: 6 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '界别', key: 'sector', width: 16 },
    { header: '职务', key: 'role', width: 8 },
    ...kinds.map((k) => ({ header: DUTY_KINDS[k], key: `k_${k}`, width: Math.max(8, DUTY_KINDS[k].length * 2 + 2) })),
    { header: '总积分', key: 'points', width: 8 },
    { header: '档次', key: 'grade', width: 8 },
    { header: '界别名次', key: 'sectorRank', width: 8 },
    { header: '指标缺项', key: 'shortfalls', width: 36 },
    { header: '通报表扬', key: 'commended', width: 8 },
    { header: '提醒谈话', key: 'warned', width: 8 },
    { header: '连续两年未达标', key: 'warnedAgain', width: 14 },
    { header: '履职补贴（元）', key: 'allowance', width: 12 },
  ];
  for (const r of a.results) {
    const byKind = new Map(r.byKind.map((k) => [k.kind, k.points]));
    ws.addRow({
      rank: r.rank, name: r.name, sector: r.sectorName ?? '', role: MEMBER_ROLE_LABELS[primaryRole(r.roles)],
      ...Object.fromEntries(kinds.map((k) => [`k_${k}`, byKind.get(k) ?? 0])),
      points: r.points, grade: r.gradeLabel, sectorRank: r.sectorRank ?? '',
      shortfalls: r.quotaShortfalls.map((s) => `${s.quota}·${s.requirement} 差 ${s.shortfall}`).join('；'),
      commended: r.commended ? '是' : '', warned: r.warned ? '是' : '', warnedAgain: r.warnedAgain ? '是' : '', allowance: r.allowanceYuan,
    });
  }
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };

  const s = a.summary;
  const sum = wb.addWorksheet('汇总');
  sum.columns = [{ header: '项目', key: 'k', width: 24 }, { header: '数值', key: 'v', width: 20 }];
  const status = a.status === 'published' ? `已发布（${a.publishedAt?.slice(0, 10) ?? ''}）` : a.status === 'draft' ? '草稿（未发布）' : '已被修订版本取代';
  sum.addRows([
    { k: '政协', v: committeeName }, { k: '年度', v: a.year }, { k: '版本', v: `第 ${a.revision} 版，${status}` }, { k: '积分规则', v: a.rules.name },
    { k: '参评委员', v: s.members },
    ...s.byGrade.map((g) => ({ k: g.label, v: g.count })),
    { k: '90 分以上', v: `${s.atLeast90}（${(s.shareAtLeast90 * 100).toFixed(1)}%）` },
    { k: '指标全部完成', v: s.quotasMet }, { k: '通报表扬', v: s.commended }, { k: '提醒谈话', v: s.warned },
    { k: '连续两年未达标', v: s.warnedAgain }, { k: '享受履职补贴', v: `${s.allowance.members} 人，${s.allowance.totalYuan} 元` },
  ]);
  sum.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

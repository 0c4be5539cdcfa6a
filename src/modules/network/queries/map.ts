import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { inCommittees, type CommitteeScope } from '../../../platform/scope.js';
import { ROOM_TYPE } from '../domain/settings.js';

/**
 * 网络示意图: an SVG schematic drawn from the region table alone (no geometry, no tiles): each
 * county a band, each town a box, each village a dot — green when it has a 协商议事室, grey when
 * not; a town box has a red corner when it has a 委员工作站. Boxes are laid out in code order.
 */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export async function networkMapSvg(db: Db, scope: CommitteeScope): Promise<string> {
  const where = inCommittees(sql.raw('t.committee_id'), scope);
  const { rows: towns } = await db.execute<{ id: string; name: string; county: string; station: boolean; covered: boolean[] }>(sql`
    select t.id, t.name, coalesce(c.name, '') as county,
      exists (select 1 from network_places p where p.committee_id = t.committee_id and p.region_id = t.id and p.type = 'station' and p.status = 'active') as station,
      coalesce((select array_agg(exists (select 1 from network_places p where p.committee_id = v.committee_id and p.region_id = v.id
            and p.type = ${ROOM_TYPE} and p.status = 'active') order by v.code)
        from network_regions v where v.committee_id = t.committee_id and v.parent_id = t.id and v.level = 'village'), '{}') as covered
    from network_regions t left join network_regions c on c.id = t.county_id and c.committee_id = t.committee_id
    where ${where} and t.level = 'town'
    order by c.code nulls last, t.sort, t.code
    limit 2000`);
  const COLS = 8, W = 150, H = 110, GAP = 8, BAND = 28, DOT = 7;
  let y = 40;
  const parts: string[] = [];
  const counties = [...new Set(towns.map((t) => t.county))];
  for (const county of counties) {
    const list = towns.filter((t) => t.county === county);
    parts.push(`<text x="10" y="${y + 18}" font-size="16" font-weight="bold">${esc(county || '—')}</text>`);
    y += BAND;
    list.forEach((t, i) => {
      const x = 10 + (i % COLS) * (W + GAP);
      const ty = y + Math.floor(i / COLS) * (H + GAP);
      const covered = t.covered.filter(Boolean).length;
      parts.push(`<g data-region="${t.id}"><rect x="${x}" y="${ty}" width="${W}" height="${H}" rx="6" fill="#f7f9fc" stroke="#8aa2c0"/>`);
      if (t.station) parts.push(`<path d="M${x + W - 18} ${ty} h12 a6 6 0 0 1 6 6 v12 z" fill="#c0392b"><title>委员工作站</title></path>`);
      parts.push(`<text x="${x + 6}" y="${ty + 16}" font-size="12">${esc(t.name)}</text>`);
      parts.push(`<text x="${x + 6}" y="${ty + 30}" font-size="10" fill="#555">${covered}/${t.covered.length} 村（社区）有议事室</text>`);
      const perRow = Math.floor((W - 12) / DOT);
      t.covered.forEach((c, j) => {
        if (j >= perRow * 9) return; // the box holds 9 rows of dots; the count above is exact
        parts.push(`<circle cx="${x + 9 + (j % perRow) * DOT}" cy="${ty + 40 + Math.floor(j / perRow) * DOT}" r="2.6" fill="${c ? '#27ae60' : '#c8ccd2'}"/>`);
      });
      parts.push('</g>');
    });
    y += Math.ceil(list.length / COLS) * (H + GAP) + 10;
  }
  if (!towns.length) {
    parts.push(`<text x="10" y="${y + 20}" font-size="14" fill="#555">尚未录入乡镇（街道）</text>`);
    y += 40;
  }
  const width = 20 + COLS * (W + GAP);
  const legend = `<g font-size="11"><circle cx="16" cy="16" r="4" fill="#27ae60"/><text x="24" y="20">有协商议事室</text>
    <circle cx="116" cy="16" r="4" fill="#c8ccd2"/><text x="124" y="20">暂无</text><rect x="176" y="10" width="10" height="10" fill="#c0392b"/><text x="190" y="20">委员工作站</text></g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y + 10}" viewBox="0 0 ${width} ${y + 10}" font-family="sans-serif">${legend}${parts.join('')}</svg>`;
}

import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { Grid, Input } from 'antd';
import { useI18n } from '../../app/i18n';

/** The one search box of the header: opens the results page, grouped by module (GET /api/search). */
export function HeaderSearch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [sp] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const current = location.pathname === '/search' ? sp.get('q') ?? '' : '';
  const [q, setQ] = useState(current);
  useEffect(() => setQ(current), [current]);
  return (
    <Input.Search
      value={q}
      onChange={(e) => setQ(e.target.value)}
      onSearch={(v) => v.trim() && navigate(`/search?q=${encodeURIComponent(v.trim())}`)}
      placeholder={t('search.placeholder')}
      aria-label={t('common.search')}
      allowClear
      maxLength={100}
      style={{ width: screens.lg ? 280 : screens.sm ? 200 : 130 }}
      data-testid="header-search"
    />
  );
}

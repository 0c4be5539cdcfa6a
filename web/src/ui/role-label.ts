import type { Translate } from '../app/i18n';
import type { MessageKey } from '../locales/zh-CN';

/**
 * A grant as a person reads it ("机关工作人员 · 办公室"). Roles and offices are open (modules declare
 * their own, platform/access.ts): one without a locale entry shows its key rather than "role.x".
 */
export function grantLabel(t: Translate, g: { role: string; office?: string | null }): string {
  const word = (prefix: 'role' | 'office', key: string) => {
    const text = t(`${prefix}.${key}` as MessageKey);
    return text === `${prefix}.${key}` ? key : text;
  };
  return g.office ? `${word('role', g.role)} · ${word('office', g.office)}` : word('role', g.role);
}

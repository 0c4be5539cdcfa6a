import type { Translate } from '../../app/i18n';
import type { MemberView } from '../../api/types';

type Role = MemberView['roles'][number];
type Gender = MemberView['gender'];
type Status = MemberView['status'];

// The values follow the shared contract (src/modules/org/contracts.ts) through its types: a
// value added or removed there fails to compile here. Only types are imported, so zod stays out
// of the browser bundle.
export const MEMBER_ROLES = Object.keys({ member: 0, standing: 0, vice_chair: 0, chair: 0, secretary_general: 0 } satisfies Record<Role, 0>) as Role[];
export const GENDERS = Object.keys({ male: 0, female: 0 } satisfies Record<Gender, 0>) as Gender[];
export const MEMBER_STATUSES = Object.keys({ active: 0, left: 0 } satisfies Record<Status, 0>) as Status[];

export const roleLabel = (r: Role, t: Translate) => t(`memberRole.${r}`);
export const genderLabel = (g: Gender, t: Translate) => t(`gender.${g}`);
export const statusLabel = (s: Status, t: Translate) => t(`status.${s}`);

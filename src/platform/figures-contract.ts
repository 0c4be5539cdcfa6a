import { z } from 'zod';

/**
 * The scope parameter every figure takes (platform/figures.ts): `self` (default), or `tree` — the
 * committee and every committee below it (全市各级). Kept apart so contracts that the web imports
 * pull in zod only.
 */
export const scopeParam = z.enum(['self', 'tree']).default('self');

import type { Grant } from './access.js';
import type { Actor } from './db/unit-of-work.js';

/** Who is calling, in one committee: what commands and policies decide on (made by callerOf in http/route-kit.ts). */
export interface Caller {
  committeeId: string;
  actor: Actor;
  grants: Grant[];
  admin: boolean;
}

/**
 * How the web shows dates and times: always China time, with the server's own functions
 * (src/platform/time.ts), so a page, an export and a letter show the same instant the same way.
 * Never slice an ISO string: its date and hour are UTC.
 */
export { chinaDate, chinaDateTime, chinaYear, chineseDate } from '../../../src/platform/time';

import { chinaDate, chinaDateTime } from '../../../src/platform/time';

/** An instant, or '' when there is none. */
export const dateTimeOf = (iso: string | null | undefined): string => (iso ? chinaDateTime(iso) : '');
/** A date (China time), or '' when there is none. */
export const dateOf = (iso: string | null | undefined): string => (iso ? chinaDate(iso) : '');

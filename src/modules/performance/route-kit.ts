import { z } from 'zod';
import { chinaDate, yearOf } from '../../platform/time.js';
import { yearParam } from './contracts.js';

/** Route helpers of the performance module (the caller and `:id` are the platform's: platform/http/route-kit.ts). */
export const tags = ['performance'];
export const yearQuery = z.object({ year: yearParam.optional() });

/** The year asked for, or this year (China time). */
export const yearOr = (year: number | undefined) => year ?? yearOf(chinaDate());

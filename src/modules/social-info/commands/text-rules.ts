import { AppError } from '../../../platform/errors.js';
import { tokenize } from '../../../platform/text/index.js';
import { countChars, type InfoSettings } from '../domain/settings.js';
import { InfoErrors } from '../social-info.errors.js';

/** Files of items are platform attachments of this owner kind. */
export const ATTACHMENT_KIND = 'social_info_item';

/** The length limit (一事一报, ≤ maxChars); the same check at submission, resubmission and editing. */
export function checkLength(body: string, settings: InfoSettings) {
  const count = countChars(body);
  if (count > settings.maxChars) throw new AppError(InfoErrors['social_info.too_long'], { max: settings.maxChars, count });
}

/** Content words of an item, for search and similar items (shared platform segmentation). */
export const itemTokens = (title: string, body: string) => tokenize(`${title}\n${body}`);

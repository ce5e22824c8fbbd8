import { createHash } from 'node:crypto';

/**
 * A stable id from an article's content: the same date and text always give the same id, across
 * runs and machines, and a copy of an article in another file gets the same id as the original.
 */
export function contentId(text: string, date: string | null): string {
  return createHash('sha256').update(`${date ?? ''}\n${text}`).digest('hex').slice(0, 16);
}

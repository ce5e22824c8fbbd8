/**
 * Wire-story datelines: "ABUJA, Jan 20 (Reuters) - ", "GAZA CITY, Palestinian Territories: ",
 * "Washington (AFP) — ". A dateline names where the story was filed and the agency that filed
 * it; the names in it are no parties to the sentence that follows.
 */

/** An upper-case place: "LYON", "GAZA CITY", "UNITED NATIONS". */
const CAPS_PLACE = /^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]*){0,3}/;
/** A title-case place, allowed only before an agency: "Washington (AFP) -". */
const TITLE_PLACE = /^[A-Z][a-z.'’-]+(?: [A-Z][a-z.'’-]*){0,3}/;
/** ", Pakistan", ", Jan 20", ", Palestinian Territories". */
const PART = /^, [A-Z][\w.'’-]*(?: [\w.'’-]+){0,3}/;
const AGENCY = /^ ?\([A-Z][\w.&' -]{0,30}\)/;
const SEPARATOR = /^ ?(?:--|-|—|–|:) /;

/** Length of the dateline opening `text` (a sentence's first characters), or 0. */
export function datelineLength(text: string): number {
  const caps = CAPS_PLACE.exec(text);
  const place = caps ?? TITLE_PLACE.exec(text);
  if (!place) return 0;
  let at = place[0].length;
  let parts = 0;
  for (let m = PART.exec(text.slice(at)); m && parts < 2; m = PART.exec(text.slice(at))) {
    at += m[0].length;
    parts++;
  }
  const agency = AGENCY.exec(text.slice(at));
  if (agency) at += agency[0].length;
  const sep = SEPARATOR.exec(text.slice(at));
  if (!sep) return 0;
  // A bare upper-case word before a dash is as likely a heading or acronym ("NATO - …"): a colon, a place part or an agency says dateline.
  if (!agency && !parts && !sep[0].includes(':')) return 0;
  if (!caps && !agency) return 0;
  return at + sep[0].length;
}

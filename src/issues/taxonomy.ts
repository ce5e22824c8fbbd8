import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_TAXONOMY_FILE } from './default-taxonomy.js';

const ISSUE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const phrase = z.string().trim().min(1, 'empty phrase');
const issueId = z.string().regex(ISSUE_ID, 'ids are lower-case words joined by hyphens, like "nato-membership"');

/**
 * One way an issue shows in text: any of `terms`, counted only when one of the co-terms `with`
 * (or a mention of an entity of a `withCountry` country) occurs in the same sentence — within
 * `within` words of the term when given — and none of `without` does.
 */
const evidenceSchema = z.strictObject({
  terms: z.array(phrase).min(1),
  with: z.array(phrase).min(1).optional(),
  withCountry: z.array(z.string().regex(/^[A-Z]{3}$/, 'ISO 3166 alpha-3 code, like "UKR"')).min(1).optional(),
  within: z.number().int().min(1).max(60).optional(),
  without: z.array(phrase).min(1).optional(),
});

const issueSchema = z.strictObject({
  id: issueId,
  label: z.string().trim().min(1),
  description: z.string().trim().min(1),
  /** A more general issue this one narrows (ukraine-settlement → conflict-settlement). */
  broader: issueId.optional(),
  evidence: z.array(evidenceSchema).min(1),
  /** CAMEO codes (or code prefixes) of events that concern this issue whatever their words. */
  cameo: z.array(z.string().regex(/^\d{2,4}$/, 'CAMEO code of 2 to 4 digits')).optional(),
});

const taxonomyFileSchema = z.strictObject({
  version: z.literal(1),
  /** "extend": add to (or override by id) the default taxonomy; "replace": use only this file. */
  mode: z.enum(['extend', 'replace']),
  description: z.string().optional(),
  /** In extend mode: default issue ids to drop. */
  remove: z.array(issueId).optional(),
  issues: z.array(issueSchema),
});

export type Evidence = z.infer<typeof evidenceSchema>;
export type IssueDefinition = z.infer<typeof issueSchema>;
export type TaxonomyFile = z.infer<typeof taxonomyFileSchema>;

export interface Taxonomy {
  issues: IssueDefinition[];
  /** The files it was built from, in order. */
  files: string[];
}

/** A taxonomy file that cannot be used: names the file and every bad entry. */
export class TaxonomyError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`issues file ${file}: ${problems.length === 1 ? problems[0] : '\n  ' + problems.join('\n  ')}`);
    this.name = 'TaxonomyError';
  }
}

export { DEFAULT_TAXONOMY_FILE };

/**
 * The default taxonomy, extended or replaced by `userFile` when given; both validated in full. The
 * stage loads this module (and zod) only for a user file: see default-taxonomy.ts.
 */
export function loadTaxonomy(userFile?: string): Taxonomy {
  const base = readTaxonomyFile(DEFAULT_TAXONOMY_FILE);
  const taxonomy: Taxonomy = { issues: base.issues, files: [DEFAULT_TAXONOMY_FILE] };
  return userFile ? applyTaxonomyFile(taxonomy, readTaxonomyFile(userFile), userFile) : taxonomy;
}

/** Read and validate one taxonomy file. */
export function readTaxonomyFile(file: string): TaxonomyFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new TaxonomyError(file, [`cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new TaxonomyError(file, [`not valid JSON: ${(err as Error).message}`]);
  }
  return parseTaxonomy(json, file);
}

/** Validate parsed JSON as a taxonomy file; `file` names it in errors. */
export function parseTaxonomy(json: unknown, file: string): TaxonomyFile {
  const result = taxonomyFileSchema.safeParse(json);
  if (!result.success) {
    throw new TaxonomyError(file, result.error.issues.map((issue) => `${describePath(json, issue.path)}: ${issue.message}`));
  }
  const parsed = result.data;
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.issues.forEach((issue, i) => {
    if (seen.has(issue.id)) problems.push(`issues[${i}] (id "${issue.id}"): duplicate id`);
    seen.add(issue.id);
    if (issue.broader === issue.id) problems.push(`issues[${i}] (id "${issue.id}"): broader names the issue itself`);
  });
  if (parsed.mode === 'replace') {
    if (parsed.remove) problems.push('"remove" only applies in mode "extend"');
    problems.push(...unknownBroader(parsed.issues));
  }
  if (problems.length > 0) throw new TaxonomyError(file, problems);
  return parsed;
}

/** Apply a validated user file to a taxonomy: replace it, or extend it (same id overrides). */
export function applyTaxonomyFile(base: Taxonomy, user: TaxonomyFile, file: string): Taxonomy {
  if (user.mode === 'replace') return { issues: user.issues, files: [file] };
  const known = new Set(base.issues.map((issue) => issue.id));
  const problems = (user.remove ?? [])
    .filter((id) => !known.has(id))
    .map((id) => `remove: no issue "${id}" in the taxonomy it extends`);
  const removed = new Set(user.remove ?? []);
  const overrides = new Map(user.issues.map((issue) => [issue.id, issue]));
  const issues = base.issues.filter((issue) => !removed.has(issue.id)).map((issue) => overrides.get(issue.id) ?? issue);
  for (const issue of user.issues) if (!known.has(issue.id)) issues.push(issue);
  problems.push(...unknownBroader(issues));
  if (problems.length > 0) throw new TaxonomyError(file, problems);
  return { issues, files: [...base.files, file] };
}

function unknownBroader(issues: IssueDefinition[]): string[] {
  const ids = new Set(issues.map((issue) => issue.id));
  return issues
    .filter((issue) => issue.broader && !ids.has(issue.broader))
    .map((issue) => `issue "${issue.id}": broader issue "${issue.broader}" is not in the taxonomy`);
}

/** "issues[3] (id "tariffs").evidence[0].terms", naming the entry by its id where it has one. */
function describePath(json: unknown, path: PropertyKey[]): string {
  if (path.length === 0) return 'top level';
  let out = '';
  let node: unknown = json;
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : (out ? '.' : '') + String(key);
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const id = node && typeof node === 'object' && !Array.isArray(node) ? (node as { id?: unknown }).id : undefined;
    if (typeof key === 'number' && typeof id === 'string') out += ` (id "${id}")`;
  }
  return out;
}

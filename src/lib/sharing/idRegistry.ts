// Keeps links stable: checks current ids against the published registry and resolves retired ids.
import { parse as parseYaml } from 'yaml';
import { publishedIdsSchema, redirectsSchema, type IdKind, type PublishedIds, type Redirects } from '../../schemas/ids';
import { ContentError, describeIssues } from '../../schemas/issues';

export const PUBLISHED_FILE = 'content/ids/published.json';
export const REDIRECTS_FILE = 'content/ids/redirects.yaml';

export function parsePublished(text: string, file = PUBLISHED_FILE): PublishedIds {
  let raw: unknown;
  try { raw = JSON.parse(text); } catch (e) { throw new ContentError(`${file}: not valid JSON: ${(e as Error).message}`); }
  const result = publishedIdsSchema.safeParse(raw);
  if (!result.success) throw new ContentError(describeIssues(file, result.error, undefined, raw));
  return result.data;
}

export function parseRedirects(text: string, file = REDIRECTS_FILE): Redirects {
  let raw: unknown;
  try { raw = parseYaml(text); } catch (e) { throw new ContentError(`${file}: not valid YAML: ${(e as Error).message}`); }
  const result = redirectsSchema.safeParse(raw);
  if (!result.success) throw new ContentError(describeIssues(file, result.error, (path) => (path[0] ? `retired id "${String(path[0])}"` : undefined), raw));
  return result.data;
}

/** Follows retired ids to the id that stands for them now; undefined when the chain loops. */
export function resolveRedirect(id: string, redirects: Redirects): string | undefined {
  const seen = new Set<string>();
  let at = id;
  while (Object.hasOwn(redirects, at)) {
    if (seen.has(at)) return undefined;
    seen.add(at);
    at = redirects[at]!;
  }
  return at;
}

/** Every retired id that leads to `id`, directly or through a chain. */
export function retiredIdsFor(id: string, redirects: Redirects): string[] {
  return Object.keys(redirects).filter((old) => resolveRedirect(old, redirects) === id);
}

/**
 * The registry against the ids the page has now (`current`, by kind; kinds left out are not checked): a published id that
 * vanished without a redirect, and (unless `requireRecorded` is false) a current id not yet recorded as published.
 */
export function publishedIdProblems(published: PublishedIds, current: Partial<Record<IdKind, string[]>>, redirects: Redirects, { requireRecorded = true } = {}): string[] {
  const problems: string[] = [];
  const all = new Set(Object.values(current).flat());
  for (const [kind, ids] of Object.entries(current) as [IdKind, string[]][]) {
    const recorded = new Set(published[kind] ?? []);
    for (const id of recorded) {
      if (all.has(id)) continue;
      if (!Object.hasOwn(redirects, id)) {
        problems.push(`${kind} id "${id}" was published and is gone: restore it or add "${id}: <new id>" to ${REDIRECTS_FILE}`);
      }
    }
    for (const id of requireRecorded ? ids : []) {
      if (!recorded.has(id)) problems.push(`${kind} id "${id}" is not in ${PUBLISHED_FILE}: add it there so that its links are kept`);
    }
  }
  return problems;
}

/** Each redirect against the page: a retired id in use again, a redirect that loops or leads to no id the page has. */
export function redirectProblems(current: Partial<Record<IdKind, string[]>>, redirects: Redirects): string[] {
  const problems: string[] = [];
  const all = new Set(Object.values(current).flat());
  for (const [old, to] of Object.entries(redirects)) {
    if (all.has(old)) problems.push(`retired id "${old}" is in use again on the page: remove the redirect or pick another id`);
    const end = resolveRedirect(old, redirects);
    if (end === undefined) problems.push(`retired id "${old}" leads round in a loop`);
    else if (!all.has(end)) problems.push(`retired id "${old}" leads to "${end}", which is not on the page (was "${to}")`);
  }
  return problems;
}

/**
 * Both checks of the ids, one message per problem, naming the id and the file to edit; a redirect's problem begins with
 * the redirects file, where it is corrected.
 */
export function checkIds(published: PublishedIds, current: Partial<Record<IdKind, string[]>>, redirects: Redirects, options: { requireRecorded?: boolean } = {}): string[] {
  return [...publishedIdProblems(published, current, redirects, options), ...redirectProblems(current, redirects).map((p) => `${REDIRECTS_FILE}: ${p}`)];
}

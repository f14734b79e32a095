// Reads a data file (YAML groups of rows), validates every row and rejects duplicate ids,
// with messages naming the file, the row and the field.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ContentError, describeIssues, issueLines } from '../../schemas/issues';

/** A validated row, with the group it was listed in and its place in that group. */
export type DataRow = { id: string; series: string; position: number } & Record<string, unknown>;

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

function rowLabel(group: string, index: number, row: unknown): string {
  const id = isRecord(row) ? row.id : undefined;
  return typeof id === 'string' && id ? `row "${id}"` : `row ${index + 1} of "${group}"`;
}


function elementOf(schema: z.ZodType): z.ZodType | undefined {
  let s: z.ZodType = schema;
  if (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s instanceof z.ZodArray ? (s.element as z.ZodType) : undefined;
}

export function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true });
  const [err] = doc.errors;
  if (err) throw new ContentError(`${file}:${err.linePos?.[0].line ?? '?'}: the YAML could not be read: ${err.message.split('\n')[0]}`);
  return doc.toJS();
}

/**
 * Parses `text` (the contents of `file`) against `fileSchema`, an object whose keys are
 * groups holding arrays of rows. Returns every row with its group as `series`.
 */
export function readRows(text: string, file: string, fileSchema: z.ZodObject): DataRow[] {
  const raw = parseYaml(text, file);
  if (!isRecord(raw)) throw new ContentError(`${file}: ${raw == null ? 'the file is empty: ' : ''}expected groups of rows (${Object.keys(fileSchema.shape).join(', ')})`);

  const problems: string[] = [];
  for (const key of Object.keys(raw)) {
    if (!(key in fileSchema.shape)) problems.push(`  - group "${key}": not expected here; the groups are ${Object.keys(fileSchema.shape).join(', ')}`);
  }
  for (const [group, schema] of Object.entries(fileSchema.shape)) {
    const element = elementOf(schema as z.ZodType);
    const rows = raw[group];
    if (!element || !Array.isArray(rows)) continue;
    rows.forEach((row, i) => {
      const result = element.safeParse(row);
      if (!result.success) problems.push(...issueLines(file, result.error, rowLabel(group, i, row), row));
    });
  }
  if (problems.length) throw new ContentError(`${file}: invalid data\n${problems.join('\n')}`);

  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ContentError(describeIssues(file, parsed.error, (path) => (path.length ? `group "${String(path[0])}"` : undefined), raw));
  }

  const rows: DataRow[] = [];
  const firstSeen = new Map<string, string>();
  for (const [group, list] of Object.entries(parsed.data as Record<string, unknown[]>)) {
    list.forEach((row, position) => {
      const data = row as DataRow;
      const where = `${rowLabel(group, position, data)} (${group}, row ${position + 1})`;
      const earlier = firstSeen.get(data.id);
      if (earlier) problems.push(`  - ${where}, field "id": duplicate id, already used by ${earlier}`);
      else firstSeen.set(data.id, `${group}, row ${position + 1}`);
      rows.push({ ...data, series: group, position });
    });
  }
  if (problems.length) throw new ContentError(`${file}: invalid data\n${problems.join('\n')}`);
  return rows;
}

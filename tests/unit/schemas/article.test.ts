import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { articleSchema } from '../../../src/schemas/article';

const mdx = readFileSync(resolve(import.meta.dirname, '../../../content/article/pakistan-russia-asian-bloc.mdx'), 'utf8');
const frontmatter = parse(mdx.split(/^---$/m)[1]!);

function fieldsOf(data: unknown): string[] {
  const r = articleSchema.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
}

describe('articleSchema', () => {
  it('articleSchema.parse(frontmatter) accepts the article as published', () => {
    const data = articleSchema.parse(frontmatter);
    expect(data.original.publication).toBe('The Nation');
    expect(data.published).toMatchObject({ date: '2018-10', precision: 'month', inferred: true });
  });

  it('articleSchema rejects a missing headline and names the field', () => {
    const { headline: _, ...rest } = frontmatter;
    expect(fieldsOf(rest)).toEqual(['headline']);
  });

  it('articleSchema rejects a date that does not match its precision', () => {
    expect(fieldsOf({ ...frontmatter, published: { ...frontmatter.published, date: '2018-10-20' } })).toEqual(['published.date']);
  });

  it('articleSchema rejects an inferred date without a basis', () => {
    const { basis: _, ...published } = frontmatter.published;
    expect(fieldsOf({ ...frontmatter, published })).toEqual(['published.basis']);
  });

  it('articleSchema rejects malformed dates, languages and wrong types', () => {
    expect(fieldsOf({ ...frontmatter, updated: '27/11/2026' })).toEqual(['updated']);
    expect(fieldsOf({ ...frontmatter, language: 'English' })).toEqual(['language']);
    expect(fieldsOf({ ...frontmatter, author: { name: 'X', bio: 42 } })).toEqual(['author.bio']);
    expect(fieldsOf({ ...frontmatter, published: { ...frontmatter.published, precision: 'week' } })).toContain('published.precision');
  });

  it('articleSchema rejects unknown fields, so a typo is not silently ignored', () => {
    expect(fieldsOf({ ...frontmatter, headlin: 'typo' })).toEqual(['']);
  });
});

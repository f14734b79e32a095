// Reads the article's MDX into its outline: editorial sections and the author's paragraphs, with their ids.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { ContentError } from '../../schemas/issues';

export interface OutlineParagraph {
  id: string;
  sectionId: string;
  /** The author's words in this paragraph, without any editorial insertions. */
  text: string;
  line: number;
}
export interface OutlineSection {
  id: string;
  title: string;
  paragraphs: OutlineParagraph[];
}
export interface Outline {
  sections: OutlineSection[];
  paragraphs: OutlineParagraph[];
  /** Editorial notes, in reading order; each follows the paragraph it annotates. */
  notes: OutlineNote[];
  /** Glossary terms marked in the author's text, in reading order. */
  terms: OutlineTerm[];
  /** The figures placed in the sections, in reading order. */
  figures: OutlineFigure[];
  /** In-text references to figures (<FigRef to="…">), in reading order. */
  figureRefs: OutlineFigureRef[];
  /** Values computed from the data (<Computed of="…">), in reading order. */
  computed: OutlineComputed[];
}

export const NOTE_KINDS = ['correction', 'spelling', 'context'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export interface OutlineLink { text: string; url: string }
export interface OutlineNote {
  id: string;
  kind: NoteKind;
  /** The id of the paragraph the note annotates. */
  for: string;
  sectionId: string;
  /** 1-based, in reading order: the number shown in the text, the margin and print. */
  number: number;
  title: string;
  /** Phrases of the paragraph whose disagreement with the data this note explains. */
  explains: string[];
  /** Links in the note's own text: its sources. */
  links: OutlineLink[];
  line: number;
}
export interface OutlineTerm { id: string; text: string; paragraphId: string; line: number }
export interface OutlineFigure { id: string; component: FigureComponent; sectionId: string; line: number }
export interface OutlineFigureRef { to: string; line: number }
export interface OutlineComputed { of: string; line: number }

/** The components that place a figure in a section; each needs an id, which <FigRef to="…"> may name. */
export const FIGURE_COMPONENTS = ['TradeChart', 'DealSizeChart', 'Timeline', 'LocatorMap'] as const;
export type FigureComponent = (typeof FIGURE_COMPONENTS)[number];
const isFigure = (name: string | null | undefined): name is FigureComponent => (FIGURE_COMPONENTS as readonly string[]).includes(name ?? '');

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Components that the editors insert into a paragraph; their text is not the author's. */
export const EDITORIAL_INLINE = new Set(['Note', 'NoteRef', 'EventMarker', 'Marker']);

type Node = { type: string; name?: string | null; value?: string; children?: Node[]; attributes?: Attr[]; position?: { start: { line: number } } };
type Attr = { type: string; name?: string; value?: unknown };

function attr(node: Node, name: string): string | undefined {
  const a = node.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}

function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name && EDITORIAL_INLINE.has(node.name)) return '';
  if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return '';
  return (node.children ?? []).map(textOf).join('');
}

/** A one-line `<P id="…">…</P>` parses as a markdown paragraph holding one inline element. */
function unwrap(node: Node): Node {
  if (node.type !== 'paragraph') return node;
  const kids = (node.children ?? []).filter((c) => !(c.type === 'text' && !c.value?.trim()));
  return kids.length === 1 && isJsx(kids[0]!) ? kids[0]! : node;
}

const isJsx = (n: Node) => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const c of node.children ?? []) walk(c, visit);
}

function linksOf(node: Node): OutlineLink[] {
  const links: OutlineLink[] = [];
  walk(node, (n) => {
    const url = n.type === 'link' ? (n as { url?: string }).url : isJsx(n) && n.name === 'a' ? attr(n, 'href') : undefined;
    if (url) links.push({ text: textOf(n).replace(/\s+/g, ' ').trim(), url });
  });
  return links;
}

/**
 * Parses the MDX body. Throws a ContentError naming the file and line when the
 * structure is wrong: author text outside a <P id>, a paragraph outside a section,
 * a missing or malformed id, a duplicate id, a section without a title.
 */
export function parseOutline(source: string, file: string): Outline {
  let tree: Node;
  try {
    tree = fromMarkdown(source, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) as unknown as Node;
  } catch (e) {
    throw new ContentError(`${file}: the MDX could not be parsed: ${(e as Error).message}`);
  }
  const sections: OutlineSection[] = [];
  const notes: OutlineNote[] = [];
  const terms: OutlineTerm[] = [];
  const figures: OutlineFigure[] = [];
  const figureRefs: OutlineFigureRef[] = [];
  const computed: OutlineComputed[] = [];
  const seen = new Map<string, string>();
  const fail = (node: Node, msg: string): never => {
    throw new ContentError(`${file}:${node.position?.start.line ?? '?'}: ${msg}`);
  };
  const claim = (node: Node, id: string | undefined, what: string): string => {
    if (!id) return fail(node, `${what} needs an id attribute`);
    if (!SLUG.test(id)) return fail(node, `${what} id "${id}" must be a lowercase slug (letters, digits and hyphens)`);
    if (seen.has(id)) return fail(node, `${what} id "${id}" is already used by a ${seen.get(id)}`);
    seen.set(id, what);
    return id;
  };

  for (const raw of tree.children ?? []) {
    const node = unwrap(raw);
    if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression') continue;
    if (isJsx(node) && node.name === 'Section') {
      const id = claim(node, attr(node, 'id'), 'section');
      const title = attr(node, 'title')?.trim();
      if (!title) fail(node, `section "${id}" needs a title attribute`);
      const section: OutlineSection = { id, title: title!, paragraphs: [] };
      // The paragraph a note placed here would annotate: the last <P>, with only notes since.
      let annotatable: string | undefined;
      for (const raw of node.children ?? []) {
        const child = unwrap(raw);
        walk(child, (n) => {
          if (!isJsx(n)) return;
          const line = n.position?.start.line ?? 0;
          if (n.name === 'FigRef') {
            const to = attr(n, 'to');
            if (!to) fail(n, 'a <FigRef> needs to="…", the id of a figure');
            figureRefs.push({ to: to!, line });
          }
          if (n.name === 'Computed') {
            const of = attr(n, 'of');
            if (!of) fail(n, 'a <Computed> needs of="…", the name of a value computed from the data');
            computed.push({ of: of!, line });
          }
        });
        if (isJsx(child) && isFigure(child.name)) {
          figures.push({ id: claim(child, attr(child, 'id'), 'figure'), component: child.name, sectionId: id, line: child.position?.start.line ?? 0 });
          annotatable = undefined;
          continue;
        }
        if (isJsx(child) && child.name === 'P') {
          const pid = claim(child, attr(child, 'id'), 'paragraph');
          const text = textOf(child).replace(/\s+/g, ' ').trim();
          if (!text) fail(child, `paragraph "${pid}" is empty`);
          section.paragraphs.push({ id: pid, sectionId: id, text, line: child.position?.start.line ?? 0 });
          annotatable = pid;
          walk(child, (n) => {
            if (isJsx(n) && n.name === 'Note') fail(n, `a <Note> must follow paragraph "${pid}" as its own block, not sit inside the author's text`);
            if (isJsx(n) && n.name === 'Term') {
              const tid = attr(n, 'id');
              if (!tid || !SLUG.test(tid)) fail(n, `a <Term> in paragraph "${pid}" needs the id of a glossary entry`);
              if ((n.children ?? []).some((c) => c.type !== 'text')) fail(n, `<Term id="${tid}"> must wrap plain words, not markup`);
              terms.push({ id: tid!, text: textOf(n).replace(/\s+/g, ' ').trim(), paragraphId: pid, line: n.position?.start.line ?? 0 });
            }
          });
          continue;
        }
        if (isJsx(child) && child.name === 'Note') {
          const nid = claim(child, attr(child, 'id'), 'note');
          const target = attr(child, 'for');
          const kind = attr(child, 'kind');
          const noteTitle = attr(child, 'title')?.trim();
          if (!target) fail(child, `note "${nid}" needs a for="…" attribute naming the paragraph it annotates`);
          if (!NOTE_KINDS.includes(kind as NoteKind)) fail(child, `note "${nid}" needs kind="${NOTE_KINDS.join('" | "')}", not "${kind ?? ''}"`);
          if (!noteTitle) fail(child, `note "${nid}" needs a short title attribute`);
          if (target !== annotatable) {
            const known = seen.get(target!) === 'paragraph' || (node.children ?? []).some((c) => { const u = unwrap(c); return isJsx(u) && u.name === 'P' && attr(u, 'id') === target; });
            fail(child, known
              ? `note "${nid}" must come right after paragraph "${target}" (only other notes may stand between them)`
              : `note "${nid}" is for paragraph "${target}", which does not exist in section "${id}"`);
          }
          const explains = (attr(child, 'explains') ?? '').split('|').map((x) => x.trim()).filter(Boolean);
          notes.push({ id: nid, kind: kind as NoteKind, for: target!, sectionId: id, number: notes.length + 1, title: noteTitle!, explains, links: linksOf(child), line: child.position?.start.line ?? 0 });
          continue;
        }
        if (child.type === 'mdxFlowExpression') continue;
        annotatable = undefined;
        if (child.type === 'paragraph' || child.type === 'heading' || child.type === 'list' || child.type === 'blockquote') {
          fail(child, `text in section "${id}" must be inside <P id="…"> so that it can be identified and linked`);
        }
      }
      if (section.paragraphs.length === 0) fail(node, `section "${id}" has no paragraphs`);
      sections.push(section);
    } else if (isJsx(node) && node.name === 'P') {
      fail(node, `paragraph "${attr(node, 'id') ?? '?'}" must be inside a <Section>`);
    } else if (!isJsx(node)) {
      fail(node, 'text outside a <Section> is not allowed: wrap it in <Section> and <P>');
    }
  }
  if (sections.length === 0) throw new ContentError(`${file}: the article has no <Section> elements`);
  return { sections, paragraphs: sections.flatMap((s) => s.paragraphs), notes, terms, figures, figureRefs, computed };
}

/** Minutes to read at a steady 230 words a minute, never less than one. */
export function readingMinutes(texts: string[], wordsPerMinute = 230): number {
  const words = texts.join(' ').split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / wordsPerMinute));
}

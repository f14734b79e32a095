// Reads the article's MDX into its outline: editorial sections and the author's paragraphs, with their ids.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { ContentError } from '../../schemas/issues';
import { collapseSpace, SLUG, slugRule } from '../../schemas/text';
import { bidiProblem, markupProblem, unseenProblem } from '../data/plainText';

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

/**
 * Every component the article may use (src/components/mdx/index.ts provides exactly these, plus `a` for Markdown
 * links): where each may stand, the attributes it takes, and whether it holds content. Anything else in the MDX
 * (an import or export, a JavaScript expression, a raw HTML element, another component or attribute) is refused.
 */
export const ARTICLE_COMPONENTS = {
  Section: { in: ['article'], attributes: ['id', 'title'], content: true },
  P: { in: ['Section'], attributes: ['id'], content: true },
  Note: { in: ['Section'], attributes: ['id', 'for', 'kind', 'title', 'explains'], content: true },
  TradeChart: { in: ['Section'], attributes: ['id'], content: false },
  DealSizeChart: { in: ['Section'], attributes: ['id'], content: false },
  Timeline: { in: ['Section'], attributes: ['id'], content: false },
  LocatorMap: { in: ['Section'], attributes: ['id'], content: false },
  Term: { in: ['P'], attributes: ['id'], content: true },
  FigRef: { in: ['P', 'Note'], attributes: ['to'], content: false },
  // A value computed from the data is the editors' words: inside the author's paragraph it would read, copy and quote as his.
  Computed: { in: ['Note'], attributes: ['of'], content: false },
} as const satisfies Record<string, { in: readonly Place[]; attributes: readonly string[]; content: boolean }>;
export type ArticleComponent = keyof typeof ARTICLE_COMPONENTS;
/** Where an element stands: at the top of the article, or directly inside one of the components that hold others. */
type Place = 'article' | 'Section' | 'P' | 'Note';

/** The components that place a figure in a section; each needs an id, which <FigRef to="…"> may name. */
export const FIGURE_COMPONENTS = ['TradeChart', 'DealSizeChart', 'Timeline', 'LocatorMap'] as const satisfies readonly ArticleComponent[];
export type FigureComponent = (typeof FIGURE_COMPONENTS)[number];
const isFigure = (name: string | null | undefined): name is FigureComponent => (FIGURE_COMPONENTS as readonly string[]).includes(name ?? '');
const isComponent = (name: string): name is ArticleComponent => Object.hasOwn(ARTICLE_COMPONENTS, name);


/** Link targets the article may use: the web, e-mail, and this site (a path or a #fragment, which parse against the site). */
const LINK_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

type Node = { type: string; name?: string | null; value?: string; url?: string; label?: string | null; children?: Node[]; attributes?: Attr[]; position?: { start: { line: number } }; data?: { estree?: { body: unknown[]; comments?: unknown[] } } };
type Attr = { type: string; name?: string; value?: unknown };

function attr(node: Node, name: string): string | undefined {
  const a = node.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}

/** The words of a node. The editors' insertion in a paragraph (<FigRef>) holds no content, as the allow-list requires, so a paragraph's words are the author's. */
function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  // A hard line break (two spaces or a backslash at a line's end) is a <br> on the page: the words either side stay apart.
  if (node.type === 'break') return '\n';
  return (node.children ?? []).map(textOf).join('');
}

/** A one-line `<P id="…">…</P>` parses as a markdown paragraph holding one inline element. */
function unwrap(node: Node): Node {
  if (node.type !== 'paragraph') return node;
  const kids = (node.children ?? []).filter((c) => !(c.type === 'text' && !c.value?.trim()));
  return kids.length === 1 && isJsx(kids[0]!) ? kids[0]! : node;
}

const isJsx = (n: Node) => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';
/** {/* … *\/}: an expression holding only a comment, which MDX renders as nothing. */
const isComment = (n: Node) => (n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression') && n.data?.estree?.body.length === 0 && (n.data.estree.comments?.length ?? 0) > 0;

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const c of node.children ?? []) walk(c, visit);
}

function linksOf(node: Node): OutlineLink[] {
  const links: OutlineLink[] = [];
  walk(node, (n) => {
    const url = n.type === 'link' ? n.url : undefined;
    if (url) links.push({ text: textOf(n).replace(/\s+/g, ' ').trim(), url });
  });
  return links;
}

/** A section's title heads it, names it in the contents and on its share card: a line or two, not a paragraph. */
export const SECTION_TITLE_MAX = 80;

/** Markdown that would add to the author's words inside a paragraph, by what a message calls it. */
const AUTHOR_MARKUP = new Map([
  ['emphasis', 'emphasis (*…*)'], ['strong', 'strong emphasis (**…**)'], ['delete', 'strikethrough (~~…~~)'],
  ['link', 'a link'], ['linkReference', 'a link'], ['inlineCode', 'code (`…`)'],
]);

/** Why a link target is refused, or undefined for one the article may use. */
export function linkProblem(url: string): string | undefined {
  let parsed: URL;
  // Parsed as a browser would, against this site: tabs, newlines and leading spaces inside a scheme do not hide it.
  try { parsed = new URL(url, 'https://site.invalid/'); } catch { return `link "${url}" is not a valid address`; }
  if (!LINK_PROTOCOLS.has(parsed.protocol)) return `link "${url}" uses ${parsed.protocol} — links may be https:, http:, mailto: or a path on this site`;
  // "//host/…" (or a browser's "\\host", "/\\host") is another site in the clothes of a path: it would carry no source number.
  if (parsed.host !== 'site.invalid' && new URL(url, 'http://site.invalid/').protocol !== parsed.protocol) return `link "${url}" has no scheme: write https:// or http:// before the host`;
  return undefined;
}

/**
 * Holds the MDX to what the site defines: the components of ARTICLE_COMPONENTS, each where it may stand and with
 * its own attributes as plain strings, Markdown text and links. One message per problem, each naming the line.
 */
function allowListProblems(tree: Node, file: string): string[] {
  const problems: string[] = [];
  const at = (n: Node, msg: string) => problems.push(`${file}:${n.position?.start.line ?? '?'}: ${msg}`);
  const names = Object.keys(ARTICLE_COMPONENTS).join(', ');
  const visit = (node: Node, place: Place) => {
    let inner = place;
    // The author's paragraphs hold his words as he wrote them: plain text, the glossary's terms and the site's marks.
    const markup = place === 'P' || (place as string) === 'Term' ? AUTHOR_MARKUP.get(node.type) : undefined;
    if (markup) at(node, `${markup} inside <P> is not allowed: the author's words stay as he wrote them; put what the edition adds in a <Note>`);
    // The editors' words read as typed; the author's are held to the reference copy, character by character.
    if (node.type === 'text' && place === 'Note') {
      const bidi = bidiProblem(node.value ?? '');
      if (bidi) at(node, `the note's text ${bidi}`);
    }
    switch (node.type) {
      case 'mdxjsEsm':
        return at(node, 'import and export are not allowed: the article uses only the components the site defines, by name');
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        // {/* … */}, a comment and nothing else, is how MDX writes one: it renders as nothing.
        if (isComment(node)) return;
        return at(node, 'JavaScript expressions ({…}) are not allowed in the article; a note to editors is written {/* … */}');
      case 'image':
      case 'imageReference':
        return at(node, 'images are not allowed in the article: figures are placed with the site’s components');
      case 'link':
      case 'definition': {
        // An empty address is this very page: the link would be there to click and lead nowhere.
        const problem = node.url?.trim()
          ? linkProblem(node.url)
          : `the link “${node.type === 'link' ? textOf(node).trim() : node.label ?? ''}” has no address, so it would lead nowhere: write where it leads, [words](https://…)`;
        if (problem) at(node, problem);
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (!isComponent(name)) {
          return at(node, /^[a-z]/.test(name)
            ? `raw HTML (<${name}>) is not allowed: use Markdown and the site’s components (${names})`
            : `<${name}> is not a component the article may use (${names})`);
        }
        const spec = ARTICLE_COMPONENTS[name];
        if (!(spec.in as readonly Place[]).includes(place)) {
          return at(node, place === 'article'
            ? `<${name}> is outside a <Section>: everything in the article belongs to a section`
            : `<${name}> may not stand ${place === 'Section' ? 'directly in a <Section>' : `inside a <${place}>`}; it belongs in ${spec.in.map((p) => (p === 'article' ? 'the article itself' : `a <${p}>`)).join(' or ')}`);
        }
        // The page renders an attribute's last value and the outline reads its first: a heading would say one thing and the contents another.
        const given = new Map<string, unknown>();
        for (const a of node.attributes ?? []) {
          const attrName = a.name ?? '';
          if (a.type === 'mdxJsxAttribute') {
            const shown = (v: unknown) => (typeof v === 'string' ? `${attrName}="${v}"` : attrName);
            if (given.has(attrName)) at(node, `<${name}> has the attribute "${attrName}" twice (${shown(given.get(attrName))}, then ${shown(a.value)}); write it once`);
            given.set(attrName, a.value);
          }
          if (a.type !== 'mdxJsxAttribute') at(node, `<${name}> has a spread of attributes ({…}), a JavaScript expression, which is not allowed`);
          else if (/^on/i.test(attrName)) at(node, `<${name}> has the event-handler attribute "${attrName}", which is not allowed`);
          else if (attrName === 'style') at(node, `<${name}> has a style attribute, which is not allowed: the stylesheets style the article`);
          else if (!(spec.attributes as readonly string[]).includes(attrName)) at(node, `<${name}> takes no attribute "${attrName}" (it takes ${spec.attributes.join(', ')})`);
          else if (a.value !== null && typeof a.value !== 'string') at(node, `<${name} ${attrName}={…}> is a JavaScript expression, which is not allowed: write ${attrName}="…"`);
          // A blank value is left to the check that knows what the attribute is for ("needs a title attribute").
          else if (typeof a.value === 'string' && a.value.trim()) {
            const unseen = unseenProblem(a.value);
            if (unseen) at(node, `<${name} ${attrName}="…"> ${unseen}`);
            // Every attribute is words the page escapes, or an id: markup in a title would be shown as typed, in the
            // heading, the contents and the share card alike.
            const markup = markupProblem(a.value);
            if (markup) at(node, `<${name} ${attrName}="…"> ${markup}`);
          }
        }
        if (!spec.content && (node.children ?? []).length) return at(node, `<${name}> holds no content: write it as <${name} … />`);
        inner = name as Place;
        break;
      }
      default:
        // Markdown at the top of the article (other than a line holding one element) is text outside every section.
        if (place === 'article' && unwrap(node) === node) return at(node, 'text outside a <Section> is not allowed: wrap it in <Section> and <P>');
    }
    for (const child of node.children ?? []) visit(child, inner);
  };
  for (const child of tree.children ?? []) visit(child, 'article');
  return problems;
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
    const { line, column } = e as { line?: number; column?: number };
    throw new ContentError(`${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: the MDX could not be parsed: ${(e as Error).message}`);
  }
  const refused = allowListProblems(tree, file);
  if (refused.length) throw new ContentError(`${file}: the article uses what it may not\n${refused.map((p) => `  - ${p}`).join('\n')}`);
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
    if (!SLUG.test(id)) return fail(node, `${what} id "${id}" ${slugRule(id)}`);
    if (seen.has(id)) return fail(node, `${what} id "${id}" is already used by a ${seen.get(id)}`);
    seen.set(id, what);
    return id;
  };

  // The allow-list has made sure that the article is a list of <Section>s holding <P>s, <Note>s and figures.
  for (const raw of tree.children ?? []) {
    const node = unwrap(raw);
    if (isComment(node)) continue;
    const id = claim(node, attr(node, 'id'), 'section');
    const title = attr(node, 'title')?.trim();
    if (!title) fail(node, `section "${id}" needs a title attribute`);
    else if (title.length > SECTION_TITLE_MAX) fail(node, `section "${id}": its title is ${title.length} characters, at most ${SECTION_TITLE_MAX} (it heads the section, the contents and its share card)`);
    const section: OutlineSection = { id, title: title!, paragraphs: [] };
    // The paragraph a note placed here would annotate: the last <P>, with only notes since.
    let annotatable: string | undefined;
    for (const raw of node.children ?? []) {
      const child = unwrap(raw);
      if (isComment(child)) continue;
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
        const text = collapseSpace(textOf(child));
        if (!text) fail(child, `paragraph "${pid}" is empty`);
        section.paragraphs.push({ id: pid, sectionId: id, text, line: child.position?.start.line ?? 0 });
        annotatable = pid;
        walk(child, (n) => {
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
      fail(child, `text in section "${id}" must be inside <P id="…"> so that it can be identified and linked`);
    }
    if (section.paragraphs.length === 0) fail(node, `section "${id}" has no paragraphs`);
    sections.push(section);
  }
  if (sections.length === 0) throw new ContentError(`${file}: the article has no <Section> elements`);
  return { sections, paragraphs: sections.flatMap((s) => s.paragraphs), notes, terms, figures, figureRefs, computed };
}

/** Where a paragraph of the article is: its section and its number in it (from 1), or undefined for an unknown id. */
export function paragraphPlace(outline: Pick<Outline, 'sections'>, id: string): { sectionId: string; sectionTitle: string; number: number } | undefined {
  for (const s of outline.sections) {
    const i = s.paragraphs.findIndex((p) => p.id === id);
    if (i >= 0) return { sectionId: s.id, sectionTitle: s.title, number: i + 1 };
  }
  return undefined;
}

/** A paragraph named by its place, as links to it read: "Trade on the rise, paragraph 2". */
export const paragraphLabel = (at: { sectionTitle: string; number: number }) => `${at.sectionTitle}, paragraph ${at.number}`;

/** Minutes to read at a steady 230 words a minute, never less than one. */
export function readingMinutes(texts: string[], wordsPerMinute = 230): number {
  const words = texts.join(' ').split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / wordsPerMinute));
}

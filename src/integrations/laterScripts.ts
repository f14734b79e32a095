// Vite plugin: enhancements the page needs only once the reader does something (select words, point at a chart)
// are built as modules of their own and fetched then, not written into the page with the rest. The page's script
// imports their addresses from `virtual:bloc-later`: the built file under the site's base, or in development the
// source, which Vite's server compiles. A module loaded this way imports nothing the page's script also imports
// (it would split a chunk the two share, and the page's script could no longer be written into the page): what it
// needs from the page's script is handed to it.
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:bloc-later';
const RESOLVED = `\0${VIRTUAL}`;

/** `modules`: each later module's name and its source, from the project's root ("/src/scripts/…"). */
export function laterScripts(modules: Record<string, string>): Plugin {
  let build = false;
  let base = '/';
  const refs = new Map<string, string>();
  return {
    name: 'bloc-later-scripts',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === 'client',
    configResolved(config) {
      build = config.command === 'build';
      base = config.base;
    },
    buildStart() {
      if (!build) return;
      for (const [name, id] of Object.entries(modules)) refs.set(name, this.emitFile({ type: 'chunk', id, name }));
    },
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      return Object.keys(modules)
        .map((name) => `export const ${name} = ${build ? `import.meta.ROLLUP_FILE_URL_${refs.get(name)}` : JSON.stringify(`${base.replace(/\/$/, '')}${modules[name]}`)};`)
        .join('\n');
    },
    // The page's script is written into every page, so an address relative to the script would be relative to the
    // page: the later modules are addressed from the site's root.
    resolveFileUrl: ({ referenceId, fileName }) => ([...refs.values()].includes(referenceId) ? JSON.stringify(`${base.replace(/\/?$/, '/')}${fileName}`) : undefined),
  };
}

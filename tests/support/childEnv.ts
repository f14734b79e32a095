// The environment for an `astro build` or `astro dev` a test starts: the test's own, without what the test runner
// adds to it (NODE_ENV=test, Vite's BASE_URL, MODE…), which would change how the child builds and serves.
const RUNNER_KEYS = new Set(['NODE_ENV', 'TEST', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'FORCE_TTY']);

export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !RUNNER_KEYS.has(k) && !k.startsWith('VITEST')));
  return { ...env, ...extra };
}

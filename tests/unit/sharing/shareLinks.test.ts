import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NETWORKS, shareLinks } from '../../../src/lib/sharing/shareLinks';

describe('shareLinks', () => {
  const url = 'https://pakistan-russia-bloc.example/s/the-energy-corridor/';
  const title = 'The energy corridor — Pakistan, Russia teaming up for Asian bloc';
  // Made afresh before each test: under mutation testing, the mutant is switched on only then.
  let links: ReturnType<typeof shareLinks>;
  beforeEach(() => { links = shareLinks({ url, title }); });

  it('shareLinks(target) gives one link per network, in order, with a label', () => {
    expect(links.map((l) => l.network)).toEqual([...NETWORKS]);
    for (const l of links) expect(l.label).not.toBe('');
  });

  it('shareLinks(target) puts the exact URL into each network link', () => {
    for (const l of links) {
      if (l.network === 'email') {
        const body = new URLSearchParams(l.href.slice(l.href.indexOf('?') + 1)).get('body');
        expect(body).toContain(url);
        continue;
      }
      const u = new URL(l.href);
      expect(u.protocol).toBe('https:');
      const values = [...u.searchParams.values()].join(' ');
      expect(values).toContain(url);
    }
  });

  it('shareLinks(target) sends each network to its own share endpoint', () => {
    const hosts = Object.fromEntries(links.filter((l) => l.network !== 'email').map((l) => [l.network, new URL(l.href).host]));
    expect(hosts).toEqual({ x: 'x.com', facebook: 'www.facebook.com', linkedin: 'www.linkedin.com', whatsapp: 'wa.me', telegram: 't.me' });
    expect(links.find((l) => l.network === 'email')!.href).toMatch(/^mailto:\?subject=/);
  });

  it('shareLinks(target) keeps any title intact through encoding', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), (t) => {
        const x = shareLinks({ url, title: t }).find((l) => l.network === 'x')!;
        const params = new URL(x.href).searchParams;
        expect(params.get('text')).toBe(t);
        expect(params.get('url')).toBe(url);
      }),
    );
  });

  it('shareLinks rejects a relative URL', () => {
    expect(() => shareLinks({ url: '/s/a/', title: 't' })).toThrow(/not an absolute/);
  });
});

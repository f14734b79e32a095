import { describe, expect, it } from 'vitest';
import { parseSiteUrl, placeholderWarning, siteUrls, DEFAULT_SITE_URL } from '../../src/lib/siteUrls';

describe('parseSiteUrl', () => {
  it('parseSiteUrl(value) takes the placeholder when unset and ends every path with a slash', () => {
    expect(parseSiteUrl(undefined).href).toBe(DEFAULT_SITE_URL);
    expect(parseSiteUrl('https://example.org').href).toBe('https://example.org/');
    expect(parseSiteUrl(' https://example.org/sub ').href).toBe('https://example.org/sub/');
    expect(parseSiteUrl('http://localhost:4321').href).toBe('http://localhost:4321/');
  });

  it('parseSiteUrl(value) reads a scheme only at the start, digits and all, and drops leading slashes from its suggestion', () => {
    expect(() => parseSiteUrl('//example.org/a:b')).toThrow(/^SITE_URL "\/\/example\.org\/a:b" has no scheme: write it as https:\/\/example\.org\/a:b$/);
    expect(() => parseSiteUrl('h2c://example.org/')).toThrow(/^SITE_URL "h2c:\/\/example\.org\/" must be an http: or https: address, not h2c:$/);
  });

  it('parseSiteUrl(value) refuses, naming SITE_URL, an empty value, a missing scheme, an invalid address and other schemes', () => {
    expect(() => parseSiteUrl('')).toThrow(/^SITE_URL is set but empty/);
    expect(() => parseSiteUrl('example.org/sub/')).toThrow(/^SITE_URL "example\.org\/sub\/" has no scheme: write it as https:\/\/example\.org\/sub\//);
    expect(() => parseSiteUrl('https://exa mple.org/')).toThrow(/^SITE_URL "https:\/\/exa mple\.org\/" is not a valid URL/);
    expect(() => parseSiteUrl('ftp://example.org/')).toThrow(/^SITE_URL .* must be an http: or https: address/);
    expect(() => parseSiteUrl('https://example.org/?a=1')).toThrow(/^SITE_URL .* must not have a query or a fragment/);
  });

  it('parseSiteUrl(value) refuses credentials without repeating them in the message', () => {
    let message = '';
    try { parseSiteUrl('https://editor:s3cret@example.org/'); } catch (e) { message = (e as Error).message; }
    expect(message).toMatch(/^SITE_URL must not hold a user name or password/);
    expect(message).not.toMatch(/s3cret|editor/);
    expect(() => parseSiteUrl('https://editor@example.org/')).toThrow(/^SITE_URL must not hold a user name or password/);
    expect(() => parseSiteUrl('https://:s3cret@example.org/')).toThrow(/^SITE_URL must not hold a user name or password/);
  });
});

describe('siteUrls', () => {
  it('siteUrls(site).path(p) puts a site path under the base path, keeping the fragment', () => {
    const root = siteUrls('https://example.org/');
    expect(root.path('/')).toBe('/');
    expect(root.path('/data/trade.csv')).toBe('/data/trade.csv');
    const sub = siteUrls('https://example.org/a/b/');
    expect(sub.base).toBe('/a/b/');
    expect(sub.path('/')).toBe('/a/b/');
    expect(sub.path('/#trade-figures')).toBe('/a/b/#trade-figures');
    expect(sub.path('/s/x/')).toBe('/a/b/s/x/');
    expect(siteUrls('https://example.org/', '/a')).toMatchObject({ base: '/a/' });
  });

  it('siteUrls(site).absolute(p) gives the full address under the base path', () => {
    expect(siteUrls('https://example.org/sub/').absolute('/og/article.png')).toBe('https://example.org/sub/og/article.png');
    expect(siteUrls('https://example.org/').absolute('/')).toBe('https://example.org/');
  });

  it('siteUrls(site).path(p) refuses a path that is not from the site root', () => {
    expect(() => siteUrls('https://example.org/').path('data/x.csv')).toThrow(/"data\/x\.csv" is not a site path/);
  });
});

describe('placeholderWarning', () => {
  it('placeholderWarning(value) names SITE_URL and the placeholder when unset, and says nothing when the site is named', () => {
    const w = placeholderWarning(undefined);
    expect(w).toContain('SITE_URL');
    expect(w).toContain(DEFAULT_SITE_URL);
    expect(w).toMatch(/QR code/);
    expect(placeholderWarning('https://example.org/')).toBeUndefined();
  });
});

// Plain share links for each network, built at build time from the URL to share (see siteUrls for the site's own URLs).

/** The networks offered as plain links, in the order they are shown. */
export const NETWORKS = ['email', 'x', 'facebook', 'linkedin', 'whatsapp', 'telegram'] as const;
export type Network = (typeof NETWORKS)[number];

export interface ShareTarget {
  /** Absolute URL to share: the article's canonical URL or a section's card page. */
  url: string;
  /** Title of what is shared, e.g. "The energy corridor — Pakistan, Russia teaming up for Asian bloc". */
  title: string;
}

export interface ShareLink {
  network: Network;
  label: string;
  href: string;
}

const LABELS: Record<Network, string> = {
  email: 'Email',
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
};

const enc = encodeURIComponent;

/**
 * Plain share links that work without JavaScript and load nothing from the networks
 * until the reader follows one. Every value is URI-encoded, so titles with "&", "#"
 * or quotes cannot break the query.
 */
export function shareLinks({ url, title }: ShareTarget): ShareLink[] {
  if (!/^https?:\/\//.test(url)) throw new Error(`shareLinks: "${url}" is not an absolute http(s) URL`);
  const hrefs: Record<Network, string> = {
    email: `mailto:?subject=${enc(title)}&body=${enc(`${title}\n\n${url}`)}`,
    x: `https://x.com/intent/post?text=${enc(title)}&url=${enc(url)}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}`,
    whatsapp: `https://wa.me/?text=${enc(`${title} ${url}`)}`,
    telegram: `https://t.me/share/url?url=${enc(url)}&text=${enc(title)}`,
  };
  return NETWORKS.map((network) => ({ network, label: LABELS[network], href: hrefs[network] }));
}

/** Something the page's share panel can share. */
export interface PanelTarget extends ShareTarget {
  /** `article`, or a section's id. */
  id: string;
  /** What the panel says it shares: "this article", "the section “The energy corridor”". */
  name: string;
}

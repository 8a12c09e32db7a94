import type { TDb } from "@/lib/db/prisma";

/** What signing needs to know of a letter: whether it is open, who may sign, what it collects. */
export const SIGNING_POLICY_SELECT = {
  id: true,
  status: true,
  closesAt: true,
  openToAnyDomain: true,
  collectJobTitle: true,
  collectTeam: true,
  teams: true,
  allowComments: true,
  allowPublicNames: true,
  nameThresholds: true,
  domainRules: { select: { domain: true, includeSubdomains: true } },
} as const;

export async function loadSigningPolicy(db: TDb, slug: string) {
  return db.letter.findUnique({ where: { slug }, select: SIGNING_POLICY_SELECT });
}

export type TSigningPolicy = Awaited<ReturnType<typeof loadSigningPolicy>>;
export type TSigningPolicyLoader = (db: TDb, slug: string) => Promise<TSigningPolicy>;

// Far more letters than are ever signed at once; past it the cache starts afresh.
const MAX_ENTRIES = 10_000;

/**
 * loadSigningPolicy, remembered per process for at most `maxAgeMs` (a second): under a signing
 * spike every submission to a letter would otherwise read the same letter and its domain rules.
 * A second is how long an organiser's change (a domain rule, closing by hand) may take to reach
 * signing here; the closing date is compared with the clock on every submission, and the
 * signature's INSERT itself checks that the letter is still open (create-signature.ts), so no
 * signature lands on a closed letter. Concurrent misses share one read; a failed read is not kept.
 */
export function cachedSigningPolicyLoader(maxAgeMs = 1_000, clock: () => number = Date.now): TSigningPolicyLoader {
  const entries = new Map<string, { at: number; policy: Promise<TSigningPolicy> }>();
  return (db, slug) => {
    const now = clock();
    const entry = entries.get(slug);
    if (entry && now - entry.at < maxAgeMs) return entry.policy;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const policy = loadSigningPolicy(db, slug);
    entries.set(slug, { at: now, policy });
    policy.catch(() => {
      if (entries.get(slug)?.policy === policy) entries.delete(slug);
    });
    return policy;
  };
}

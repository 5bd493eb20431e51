// name: conflicting-claims
// description: Claims that disagree: two holders at one time of a role one person holds at a time (CEO, chair) at one organisation, or of a one-only fact (parent, place, chair), with the period and sources of each claim.
// The store judges claims as it writes, by the rule of `hkweb3 conflicts` (claims over
// periods that do not overlap are a succession, not a conflict), and flags the subjects and
// the claims in conflict (claim_conflict), so this starts from the few flagged entities.
// `claim` is the role in canonical form ("CEO" and "chief executive officer" are both
// "chief executive"), or the type of a one-only fact.
MATCH (o:Entity) WHERE o.claim_conflict = true
MATCH (o)<-[r]-(h:Entity)
WHERE r.claim_conflict = true AND r.claim <> type(r)
WITH o, r.claim AS claim, collect({holder: h.name, role: r.role, since: r.since, until: r.until,
                                   sources: r.sources}) AS claims
RETURN o.name AS subject, claim, claims
UNION ALL
MATCH (o:Entity) WHERE o.claim_conflict = true
MATCH (o)-[r]->(t:Entity)
WHERE r.claim_conflict = true AND r.claim = type(r)
WITH o, r.claim AS claim, collect({holder: t.name, role: r.role, since: r.since, until: r.until,
                                   sources: r.sources}) AS claims
RETURN o.name AS subject, claim, claims

// name: conflicting-claims
// description: Two or more current holders of a role one person holds at a time (CEO, chair) at one organisation, or two targets of a one-only fact (parent, place, chair), with the sources of each claim.
// The store flags the subjects of such claims as it writes (claim_conflict), so this starts
// from the few flagged entities; `claim` is the role in canonical form ("CEO" and "chief
// executive officer" are both "chief executive"). `hkweb3 conflicts` also checks periods.
MATCH (o:Entity) WHERE o.claim_conflict = true
MATCH (p:Person)-[r:HOLDS_ROLE]->(o)
WHERE r.claim IS NOT NULL AND coalesce(r.current, true)
WITH o, r.claim AS claim, collect({holder: p.name, role: r.role, sources: r.sources}) AS claims
WHERE size(claims) > 1
RETURN o.name AS subject, claim, claims
UNION ALL
MATCH (o:Entity) WHERE o.claim_conflict = true
MATCH (o)-[r:SUBSIDIARY_OF|CHAIRS|LOCATED_IN]->(t:Entity)
WITH o, type(r) AS claim, collect({holder: t.name, sources: r.sources}) AS claims
WHERE size(claims) > 1
RETURN o.name AS subject, claim, claims

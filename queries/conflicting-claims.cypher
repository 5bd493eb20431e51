// name: conflicting-claims
// description: Two or more people named in one single-holder role at one organisation, or two or more parents for one subsidiary, with the sources of each claim.
// param: roles list = ["chief executive", "chief executive officer", "ceo", "chair", "chairman", "chairwoman", "president"] -- roles one person holds at a time
MATCH (p:Person)-[r:HOLDS_ROLE]->(o:Entity)
WHERE toLower(r.role) IN $roles AND coalesce(r.current, true)
WITH o, toLower(r.role) AS claim, collect({holder: p.name, sources: r.sources}) AS claims
WHERE size(claims) > 1
RETURN o.name AS subject, claim, claims
UNION ALL
MATCH (c:Organization)-[r:SUBSIDIARY_OF]->(parent:Organization)
WITH c, collect({holder: parent.name, sources: r.sources}) AS claims
WHERE size(claims) > 1
RETURN c.name AS subject, 'parent' AS claim, claims

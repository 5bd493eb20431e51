// name: conflicting-claims
// description: Two people named in one single-holder role at one organisation, or two parents for one subsidiary, with both sources.
// param: roles list = ["chief executive", "chief executive officer", "ceo", "chair", "chairman", "chairwoman", "president"] -- roles one person holds at a time
MATCH (p1:Person)-[r1:HOLDS_ROLE]->(o:Entity)<-[r2:HOLDS_ROLE]-(p2:Person)
WHERE p1.id < p2.id AND toLower(r1.role) IN $roles AND toLower(r2.role) = toLower(r1.role)
  AND coalesce(r1.current, true) AND coalesce(r2.current, true)
RETURN o.name AS subject, r1.role AS claim, p1.name AS first, r1.sources AS first_sources,
       p2.name AS second, r2.sources AS second_sources
UNION ALL
MATCH (p1:Entity)<-[r1:SUBSIDIARY_OF]-(c:Entity)-[r2:SUBSIDIARY_OF]->(p2:Entity)
WHERE p1.id < p2.id
RETURN c.name AS subject, 'parent' AS claim, p1.name AS first, r1.sources AS first_sources,
       p2.name AS second, r2.sources AS second_sources

// name: roles-of
// description: Every role a person holds or held, anywhere, with dates and sources.
// param: person entity = norman-chan -- the person
MATCH (p:Person {id: $person})-[r:HOLDS_ROLE|CHAIRS]->(o:Entity)
RETURN o.name AS organisation, coalesce(r.role, 'chair') AS role, r.current AS current,
       r.since AS since, r.until AS until, r.sources AS sources
ORDER BY coalesce(r.since, ''), organisation

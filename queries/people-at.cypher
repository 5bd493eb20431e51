// name: people-at
// description: People and their roles at an organisation, current and former, with dates and sources.
// param: org entity = za-bank -- the organisation
MATCH (p:Person)-[r:HOLDS_ROLE|CHAIRS]->(o:Entity {id: $org})
RETURN p.name AS person, coalesce(r.role, 'chair') AS role, r.current AS current,
       r.since AS since, r.until AS until, r.sources AS sources
ORDER BY coalesce(r.since, ''), person

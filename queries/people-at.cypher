// name: people-at
// description: People and their roles at an organisation, current and former, with dates and sources.
// param: org entity = za-bank -- the organisation
// param: asOf date = null -- the graph as of this date: facts whose since/until rule it out are left out
MATCH (p:Person)-[r:HOLDS_ROLE|CHAIRS]->(o:Entity {id: $org})
WHERE ($asOf IS NULL OR ((r.since IS NULL OR r.since <= toString($asOf))
       AND (r.until IS NULL OR r.until >= left(toString($asOf), size(r.until)))))
RETURN p.name AS person, coalesce(r.role, 'chair') AS role, r.current AS current,
       r.since AS since, r.until AS until, r.sources AS sources
ORDER BY coalesce(r.since, ''), person

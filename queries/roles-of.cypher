// name: roles-of
// description: Every role a person holds or held, anywhere, with dates and sources.
// param: person entity = norman-chan -- the person
// param: asOf date = null -- the graph as of this date: facts whose since/until rule it out are left out
MATCH (p:Person {id: $person})-[r:HOLDS_ROLE|CHAIRS]->(o:Entity)
WHERE ($asOf IS NULL OR ((r.since IS NULL OR r.since <= toString($asOf))
       AND (r.until IS NULL OR r.until >= left(toString($asOf), size(r.until)))))
RETURN o.name AS organisation, coalesce(r.role, 'chair') AS role, r.current AS current,
       r.since AS since, r.until AS until, r.sources AS sources
ORDER BY coalesce(r.since, ''), organisation

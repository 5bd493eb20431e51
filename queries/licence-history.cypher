// name: licence-history
// description: An entity's licences and applications over time (status, since, until, current), as the registers and other sources list them.
// param: entity entity = hkvax -- the licensee or applicant
MATCH (x:Entity {id: $entity})-[r:LICENSED_BY]->(reg:Entity)
RETURN reg.name AS regulator, r.licence AS licence, r.status AS status, r.since AS since,
       r.until AS until, r.current AS current, r.sources AS sources
ORDER BY coalesce(toString(since), '9999'), licence

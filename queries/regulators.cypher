// name: regulators
// description: Who licenses or regulates an entity, under which licence and since when.
// param: entity entity = osl -- the licensed or regulated entity
// param: asOf date = null -- the graph as of this date: facts whose since/until rule it out are left out
MATCH (x:Entity {id: $entity})-[r:LICENSED_BY|REGULATED_BY]->(reg:Entity)
WHERE ($asOf IS NULL OR ((r.since IS NULL OR r.since <= toString($asOf))
       AND (r.until IS NULL OR r.until >= left(toString($asOf), size(r.until)))))
RETURN reg.name AS regulator, type(r) AS relation, r.licence AS licence, r.since AS since,
       r.sources AS sources
ORDER BY regulator, relation

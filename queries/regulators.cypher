// name: regulators
// description: Who licenses or regulates whom and since when (all entities, or one).
// param: entity entity = null -- only this entity (null: everyone)
// param: limit int = 100 -- at most this many rows
MATCH (x:Entity)-[r:LICENSED_BY|REGULATED_BY]->(reg:Entity)
WHERE $entity IS NULL OR x.id = $entity
RETURN x.name AS entity, type(r) AS relation, reg.name AS regulator, r.licence AS licence,
       r.since AS since, r.sources AS sources
ORDER BY entity, relation, regulator
LIMIT $limit

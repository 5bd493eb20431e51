// name: regulators
// description: Who licenses or regulates an entity, under which licence and since when.
// param: entity entity = osl -- the licensed or regulated entity
MATCH (x:Entity {id: $entity})-[r:LICENSED_BY|REGULATED_BY]->(reg:Entity)
RETURN reg.name AS regulator, type(r) AS relation, r.licence AS licence, r.since AS since,
       r.sources AS sources
ORDER BY regulator, relation

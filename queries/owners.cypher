// name: owners
// description: Who holds a stake in, controls or founded an entity, with the share where known.
// param: entity entity = mox-bank -- the owned entity
MATCH (owner:Entity)-[r:OWNS]->(e:Entity {id: $entity})
RETURN owner.name AS holder, 'OWNS' AS relation, r.share AS share, r.sources AS sources
UNION ALL
MATCH (e:Entity {id: $entity})-[r:CONTROLLED_BY|FOUNDED_BY]->(holder:Entity)
RETURN holder.name AS holder, type(r) AS relation, null AS share, r.sources AS sources

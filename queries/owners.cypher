// name: owners
// description: Who holds a stake in, controls or founded an entity, with the share where known.
// param: entity entity = mox-bank -- the owned entity
// param: asOf date = null -- the graph as of this date: facts whose since/until rule it out are left out
MATCH (owner:Entity)-[r:OWNS]->(e:Entity {id: $entity})
WHERE ($asOf IS NULL OR ((r.since IS NULL OR r.since <= toString($asOf))
       AND (r.until IS NULL OR r.until >= left(toString($asOf), size(r.until)))))
RETURN owner.name AS holder, 'OWNS' AS relation, r.share AS share, r.sources AS sources
UNION ALL
MATCH (e:Entity {id: $entity})-[r:CONTROLLED_BY|FOUNDED_BY]->(holder:Entity)
WHERE ($asOf IS NULL OR ((r.since IS NULL OR r.since <= toString($asOf))
       AND (r.until IS NULL OR r.until >= left(toString($asOf), size(r.until)))))
RETURN holder.name AS holder, type(r) AS relation, null AS share, r.sources AS sources

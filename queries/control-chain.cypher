// name: control-chain
// description: The ownership and control chain above an entity (subsidiary of, controlled by), up to HOPS levels.
// param: entity entity = za-bank -- where the chain starts
// param: hops int = 4 -- how many levels up (at most 6)
// param: asOf date = null -- the graph as of this date: facts whose since/until rule it out are left out
MATCH path = (e:Entity {id: $entity})-[:SUBSIDIARY_OF|CONTROLLED_BY*1..6]->(above:Entity)
WHERE length(path) <= $hops
  AND all(r IN relationships(path) WHERE $asOf IS NULL
          OR ((r.since IS NULL OR r.since <= toString($asOf))
              AND (r.until IS NULL OR r.until >= left(toString($asOf), size(r.until)))))
RETURN above.name AS entity, above.kind AS kind, length(path) AS level,
       [r IN relationships(path) | type(r)] AS via
ORDER BY level, entity

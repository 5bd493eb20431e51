// name: control-chain
// description: The ownership and control chain above an entity (subsidiary of, controlled by), up to HOPS levels.
// param: entity entity = za-bank -- where the chain starts
// param: hops int = 4 -- how many levels up (at most 6)
MATCH path = (e:Entity {id: $entity})-[:SUBSIDIARY_OF|CONTROLLED_BY*1..6]->(above:Entity)
WHERE length(path) <= $hops
RETURN above.name AS entity, above.kind AS kind, length(path) AS level,
       [r IN relationships(path) | type(r)] AS via
ORDER BY level, entity

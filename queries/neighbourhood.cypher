// name: neighbourhood
// description: Entities within DEPTH facts of an entity, nearest first (places left out).
// param: entity entity = za-bank -- the centre
// param: depth int = 1 -- how far (1 to 3)
MATCH path = (e:Entity {id: $entity})-[:SUBSIDIARY_OF|CONTROLLED_BY|OWNS|ACQUIRED|FOUNDED_BY|OPERATES|PROVIDES_BANKING_TO|PARTNERS_WITH|LICENSED_BY|REGULATED_BY|HOLDS_ROLE|CHAIRS|MEMBER_OF|LAUNCHED|ISSUES|ENACTED|APPLIES_TO|SPOKE_AT*1..3]-(n:Entity)
WHERE length(path) <= $depth AND n.id <> $entity
RETURN n.name AS entity, n.kind AS kind, min(length(path)) AS distance
ORDER BY distance, entity

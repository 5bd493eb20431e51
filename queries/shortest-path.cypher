// name: shortest-path
// description: The shortest chain of facts joining two entities (document mentions and places left out).
// param: from entity = za-bank -- one end
// param: to entity = sfc -- the other end
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH path = shortestPath((a)-[:SUBSIDIARY_OF|CONTROLLED_BY|OWNS|ACQUIRED|FOUNDED_BY|OPERATES|PROVIDES_BANKING_TO|PARTNERS_WITH|LICENSED_BY|REGULATED_BY|HOLDS_ROLE|CHAIRS|MEMBER_OF|LAUNCHED|ISSUES|ENACTED|APPLIES_TO|SPOKE_AT*..8]-(b))
RETURN [n IN nodes(path) | n.name] AS entities,
       [r IN relationships(path) | type(r)] AS relations, length(path) AS length

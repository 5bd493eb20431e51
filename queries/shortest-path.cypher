// name: shortest-path
// description: The shortest chain of facts joining two entities, up to 15 (document mentions and places left out, as `hkweb3 path` does).
// param: from entity = za-bank -- one end
// param: to entity = sfc -- the other end
// The types are every edge type but MENTIONS and LOCATED_IN, the only ones that reach a
// document or a place: a WHERE on the path's nodes would drop the one shortest path found
// rather than steer the search (ArcadeDB), so places are kept out by the types walked.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH path = shortestPath((a)-[:SUBSIDIARY_OF|CONTROLLED_BY|OWNS|ACQUIRED|FOUNDED_BY|OPERATES|PROVIDES_BANKING_TO|CUSTODIAN_OF|PARTNERS_WITH|LICENSED_BY|REGULATED_BY|HOLDS_ROLE|CHAIRS|MEMBER_OF|LAUNCHED|ISSUES|ENACTED|APPLIES_TO|SPOKE_AT*..15]-(b))
RETURN [n IN nodes(path) | n.name] AS entities,
       [r IN relationships(path) | type(r)] AS relations, length(path) AS length

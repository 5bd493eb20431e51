// name: single-source
// description: Entities known from one source only: the weakest-evidenced part of the graph.
// param: limit int = 100 -- at most this many rows
MATCH (e:Entity)
WHERE size(coalesce(e.sources, [])) = 1
RETURN e.name AS entity, e.kind AS kind, e.discovered AS discovered, e.sources[0] AS source
ORDER BY entity
LIMIT $limit

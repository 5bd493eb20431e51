// name: discovered
// description: Entities found in documents but not in the curated registry, with how many sources name them.
// param: limit int = 100 -- at most this many rows
MATCH (e:Entity)
WHERE e.discovered
RETURN e.name AS entity, e.kind AS kind, size(coalesce(e.sources, [])) AS sources
ORDER BY sources DESC, entity
LIMIT $limit

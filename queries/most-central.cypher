// name: most-central
// description: The most central institutions by written-back PageRank (empty until `hkweb3 centrality --write-back` has run), with their betweenness and community where written.
// param: kind kind = Organization -- only entities of this kind or its sub-kinds (e.g. Bank)
// param: limit int = 10 -- how many
MATCH (e:Entity)
WHERE e.pagerank IS NOT NULL AND e.kind IN $kind
RETURN e.name AS entity, e.kind AS kind, e.pagerank AS pagerank,
       e.betweenness AS betweenness, e.community AS community
ORDER BY pagerank DESC, entity
LIMIT $limit

// name: most-central
// description: The most central institutions: by written-back PageRank when `hkweb3 centrality --write-back` has run, else by degree.
// param: limit int = 10 -- how many
MATCH (e:Organization)
WITH e, COUNT { (e)-[]-(:Entity) } AS degree
RETURN e.name AS entity, e.kind AS kind, e.pagerank AS pagerank, degree
ORDER BY coalesce(e.pagerank, 0.0) DESC, degree DESC, entity
LIMIT $limit

// name: reported-since
// description: Entities named in documents published on or after a date, with the first such date.
// param: since date = 2024-01-01 -- the earliest publication date
// param: limit int = 100 -- at most this many rows
MATCH (d:Document)
WHERE d.published >= $since
MATCH (d)-[:MENTIONS]->(e:Entity)
RETURN e.name AS entity, e.kind AS kind, min(d.published) AS first_reported,
       count(d) AS documents
ORDER BY first_reported, entity
LIMIT $limit

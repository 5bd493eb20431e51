// name: timeline
// description: An entity's facts in time order: when each held (since, until, current) and, apart, when it was reported (first and last seen).
// param: entity entity = za-bank -- the entity
// param: limit int = 100 -- at most this many rows
// `first_seen` and `last_seen` are the earliest and latest publication dates of the
// documents behind a fact: when it was reported, which is not when it held. Facts with no
// `since` are placed by when they were first seen.
MATCH (e:Entity {id: $entity})-[r]-(o:Entity)
OPTIONAL MATCH (d:Document) WHERE d.id IN r.sources AND d.published IS NOT NULL
WITH e, r, o, min(toString(d.published)) AS first_seen, max(toString(d.published)) AS last_seen
RETURN r.since AS since, r.until AS until, r.current AS current,
       CASE WHEN startNode(r) = e THEN type(r) ELSE '<-' + type(r) END AS relation,
       o.name AS other, coalesce(r.role, r.licence, r.service, r.share) AS detail,
       first_seen, last_seen, r.sources AS sources
ORDER BY coalesce(since, first_seen, '9999'), relation, other
LIMIT $limit

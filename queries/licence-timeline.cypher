// name: licence-timeline
// description: Licences granted over time, oldest first, optionally by one regulator.
// param: regulator entity = null -- only this regulator (null: all)
// param: limit int = 100 -- at most this many rows
MATCH (x:Entity)-[r:LICENSED_BY]->(reg:Regulator)
WHERE $regulator IS NULL OR reg.id = $regulator
RETURN r.since AS since, x.name AS licensee, x.kind AS kind, reg.name AS regulator,
       r.licence AS licence, r.sources AS sources
ORDER BY coalesce(toString(since), '9999'), licensee
LIMIT $limit

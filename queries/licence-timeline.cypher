// name: licence-timeline
// description: The licences a regulator has granted, oldest first, with the licensee and the sources.
// param: regulator entity = sfc -- the regulator
// param: limit int = 100 -- at most this many rows
// param: asOf date = null -- the graph as of this date: facts whose since/until rule it out are left out
MATCH (reg:Entity {id: $regulator})<-[r:LICENSED_BY]-(x:Entity)
WHERE ($asOf IS NULL OR ((r.since IS NULL OR r.since <= toString($asOf))
       AND (r.until IS NULL OR r.until >= left(toString($asOf), size(r.until)))))
RETURN r.since AS since, x.name AS licensee, x.kind AS kind, r.licence AS licence,
       r.sources AS sources
ORDER BY coalesce(toString(since), '9999'), licensee
LIMIT $limit

// name: platform-banks
// description: The banking partners of one platform or firm, with the service and sources.
// param: platform entity = hashkey-exchange -- the platform (id, name or alias)
// param: asOf date = null -- the graph as of this date: facts whose since/until rule it out are left out
MATCH (b:Bank)-[r:PROVIDES_BANKING_TO]->(p:Entity {id: $platform})
WHERE ($asOf IS NULL OR ((r.since IS NULL OR r.since <= toString($asOf))
       AND (r.until IS NULL OR r.until >= left(toString($asOf), size(r.until)))))
RETURN b.name AS bank, b.kind AS kind, r.service AS service, r.sources AS sources
ORDER BY bank, service

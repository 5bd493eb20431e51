// name: banks-serving-platforms
// description: Which banks serve which licensed trading platforms, with the service and sources.
// param: limit int = 100 -- at most this many rows
// param: asOf date = null -- the graph as of this date: facts whose since/until rule it out are left out
MATCH (b:Bank)-[r:PROVIDES_BANKING_TO]->(p:TradingPlatform)
WHERE ($asOf IS NULL OR ((r.since IS NULL OR r.since <= toString($asOf))
       AND (r.until IS NULL OR r.until >= left(toString($asOf), size(r.until)))))
RETURN b.name AS bank, p.name AS platform, r.service AS service, r.sources AS sources
ORDER BY bank, platform, service
LIMIT $limit

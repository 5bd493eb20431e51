// name: banks-serving-platforms
// description: Which banks serve which licensed trading platforms, with the service and sources.
// param: limit int = 100 -- at most this many rows
MATCH (b:Bank)-[r:PROVIDES_BANKING_TO]->(p:TradingPlatform)
RETURN b.name AS bank, p.name AS platform, r.service AS service, r.sources AS sources
ORDER BY bank, platform, service
LIMIT $limit

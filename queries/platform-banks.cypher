// name: platform-banks
// description: The banking partners of one platform or firm, with the service and sources.
// param: platform entity = hashkey-exchange -- the platform (id, name or alias)
MATCH (b:Bank)-[r:PROVIDES_BANKING_TO]->(p:Entity {id: $platform})
RETURN b.name AS bank, b.kind AS kind, r.service AS service, r.sources AS sources
ORDER BY bank, service

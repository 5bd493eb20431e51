// name: find-entity
// description: Entities whose id, name or alias is REF (any case), the id match first.
// param: ref text -- an id, name or alias, e.g. "BoCom HK"
MATCH (e:Entity)
WHERE toLower($ref) IN e.search
RETURN e.id AS id, e.name AS name, e.kind AS kind, e.id = $ref AS exact
ORDER BY exact DESC, id
LIMIT 10

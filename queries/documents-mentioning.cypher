// name: documents-mentioning
// description: Source documents that name an entity, newest first.
// param: entity entity = za-bank -- the entity
MATCH (d:Document)-[:MENTIONS]->(e:Entity {id: $entity})
RETURN d.id AS document, d.title AS title, d.outlet AS outlet, d.published AS published,
       d.url AS url
ORDER BY published DESC, document

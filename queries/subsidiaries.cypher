// name: subsidiaries
// description: The subsidiaries and arms of an organisation, direct and further down.
// param: parent entity = bocom -- the parent
MATCH path = (child:Entity)-[:SUBSIDIARY_OF*1..4]->(p:Entity {id: $parent})
RETURN child.name AS subsidiary, child.kind AS kind, length(path) AS level
ORDER BY level, subsidiary

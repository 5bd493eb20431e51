// name: subsidiaries
// description: The subsidiaries and arms of an organisation, direct and further down.
// param: parent entity = bocom -- the parent
// param: asOf date = null -- the graph as of this date: facts whose since/until rule it out are left out
MATCH path = (child:Entity)-[:SUBSIDIARY_OF*1..4]->(p:Entity {id: $parent})
WHERE all(r IN relationships(path) WHERE ($asOf IS NULL OR ((r.since IS NULL OR r.since <= toString($asOf))
       AND (r.until IS NULL OR r.until >= left(toString($asOf), size(r.until))))))
RETURN child.name AS subsidiary, child.kind AS kind, length(path) AS level
ORDER BY level, subsidiary

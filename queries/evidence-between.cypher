// name: evidence-between
// description: Every fact joining two entities, either way, with its evidence (documents, sentences, dates).
// param: a entity = za-bank -- one entity
// param: b entity = hashkey-exchange -- the other
MATCH (x:Entity {id: $a})-[r]-(y:Entity {id: $b})
RETURN startNode(r).name AS source, type(r) AS relation, endNode(r).name AS target,
       r.sources AS sources, r.evidence AS evidence
ORDER BY relation, source

// name: changes-between
// description: Facts that began or ended between two dates (by their since and until), oldest first, with the sources.
// param: start date = 2023-01-01 -- the first day of the range
// param: end date = 2023-12-31 -- the last day of the range
// param: limit int = 100 -- at most this many rows
// A partial date is in the range when some day it can mean is: `2023` is in a range from
// 2023-06-01. `detail` is the role, licence, service or share the fact names.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.since IS NOT NULL OR r.until IS NOT NULL
UNWIND [['began', r.since], ['ended', r.until]] AS change
WITH a, r, b, change[0] AS what, change[1] AS day
WHERE day IS NOT NULL AND day <= toString($end) AND day >= left(toString($start), size(day))
RETURN day AS date, what AS change, a.name AS subject, type(r) AS relation, b.name AS object,
       coalesce(r.role, r.licence, r.service, r.share) AS detail, r.sources AS sources
ORDER BY date, change, subject, relation, object
LIMIT $limit

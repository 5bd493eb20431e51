// Reads [{"query": "...", "parameters": {...}}, ...] as JSON on stdin and prints, as JSON,
// the diagnostics Neo4j's own Cypher parser reports for each statement.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).map(({ query, parameters }) => {
    const { diagnostics } = lintCypherQuery(query, { parameters: parameters ?? {} });
    return diagnostics.map((d) => ({ severity: d.severity, message: d.message }));
  });
  process.stdout.write(JSON.stringify(results));
});

"""The graph: schema as data, pydantic models, the store behind the neo4j driver."""

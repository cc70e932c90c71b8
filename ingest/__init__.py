"""Ingestion: load -> clean -> chunk -> embed -> upsert into Chroma."""

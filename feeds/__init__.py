"""Feed ingestion: fetch politely, parse bytes, take article text, run the pipeline."""

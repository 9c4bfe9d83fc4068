"""Adding sources to a project: capturing a document's text from a URL or file, and registering it in sources.yaml."""

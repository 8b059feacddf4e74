"""Stories from a stream: online clustering of articles into stories."""

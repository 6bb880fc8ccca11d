"""The project's own sample feeds and invented Korean articles, for offline use and tests."""

from devtools.sample_feed.server import SampleArticle, SampleFeedServer, load_sample_articles

__all__ = ["SampleArticle", "SampleFeedServer", "load_sample_articles"]

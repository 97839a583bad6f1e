"""The hand-written skills taxonomy and the keyword extractor."""

"""jobbot: job postings → keywords, resume match scores and job feeds for Discord communities."""

__version__ = "0.1.0"

"""Job links and company job boards → postings: link classification, API URLs, each provider's JSON,
schema.org JSON-LD. Pure and synchronous (no I/O): the fetching lives in bot/net and bot/services/boards.py.
"""

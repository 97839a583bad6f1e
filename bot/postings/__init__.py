"""Posting understanding: raw text, HTML or file text → a structured `Posting`.

Kept import-light on purpose: `bot.skills` imports `bot.postings.model`, and the
parsing pipeline imports `bot.skills`, so nothing is imported eagerly here.
"""

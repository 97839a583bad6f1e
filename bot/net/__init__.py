"""Outbound HTTP for job links and boards: one guarded fetcher (SSRF checks, size and time caps)."""

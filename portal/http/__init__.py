"""The HTTP layer around every feature: what a response looks like on the wire.

- `pagecache.py`: rendered public pages and feeds kept per process, ETag/304, the
  `@cacheable` mark and the caching headers of public responses.
- `compression.py`: gzip and brotli, negotiated per request.
- `static_files.py`: content-hashed static file names, served from memory.
- `security.py`: the security headers on every response.
- `health.py`: `/healthz`, and the 503 readers get while the database is away.
- `sessions.py`: the session cookie, opened only when a request carries one.

The three WSGI layers (page cache, compression, security headers) are stacked by
`create_app` in that order, innermost first.
"""

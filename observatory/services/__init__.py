"""The observatory's writes: `figures` (counting an edition's indicators and keeping them for
the pages) and `pages` (the public figures page)."""

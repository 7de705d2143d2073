"""Views of En väg in: the public form and the sender's pages, the teams' work, and the
secretary's administration and statistics."""

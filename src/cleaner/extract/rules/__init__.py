"""Chrome rules, one module per family of evidence.

``markup`` reads class/id/role/tag hints (HTML only); ``phrases`` reads block
text against the per-language lexicon (both input kinds); ``shapes`` reads the
form of a block (bylines, datelines, copyright lines; both input kinds).
"""

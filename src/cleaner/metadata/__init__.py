"""Metadata: what a page says about itself, each field with its source.

Order of trust (:data:`cleaner.metadata.evidence.ORIGINS`): JSON-LD
(:mod:`.jsonld`), OpenGraph/Twitter and ``<meta>`` (:mod:`.meta_tags`), microdata,
``<time>`` and byline markup (:mod:`.markup`), the URL and the visible bylines
and date lines (:mod:`.complete`, :mod:`.text_meta`). :mod:`.resolve` picks one
value per field by trust and agreement and abstains when unsure; :mod:`.titles`
cuts glued site names; :mod:`.language` checks the declared language against
the text.
"""

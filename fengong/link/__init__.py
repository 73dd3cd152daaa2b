"""Task alignment across levels: which task of a lower plan implements which task of a higher one.

``tasks`` reads the tasks of two plans from a store, ``units`` maps each responsible unit to its national
counterpart (today's body, after reorganisations), ``similarity`` compares task texts, ``align`` scores and
proposes pairs, ``rdf`` writes them as ``fg:Alignment`` nodes with the accepted shortcut ``fg:implements``,
``review`` exports a CSV for people and reads their decisions back, ``measure`` compares proposals with known
pairs, and ``cli`` is ``fengong link``.
"""

"""The nationwide gazetteer: China's divisions, the national pattern of local bodies, name matching and the
detection of a document's jurisdiction. The registry (:mod:`fengong.registry`) uses it to know the bodies of any
jurisdiction, not only those with a hand-made registry file."""

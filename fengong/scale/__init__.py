"""fengong at national scale: derived counts for the heavy questions (:mod:`.derived`), SHACL compiled to
SPARQL on the store (:mod:`.shacl`), and pushing datasets to external SPARQL stores (:mod:`.push`)."""

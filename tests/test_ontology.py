"""The ontology files: every term named and defined in Chinese and English, with the ontology's metadata."""

import pytest
from rdflib import Graph
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from fengong import PROJECT_ROOT

FILES = sorted((PROJECT_ROOT / "ontology").glob("*.ttl"))


@pytest.fixture(scope="module")
def ontology():
    g = Graph()
    for path in FILES:
        g.parse(path, format="turtle")
    return g


def test_every_term_has_zh_and_en_labels_and_definitions(ontology):
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    terms = {t for kind in kinds for t in ontology.subjects(RDF.type, kind)}
    assert len(terms) > 60
    for term in terms:
        assert {lit.language for lit in ontology.objects(term, RDFS.label)} >= {"zh", "en"}, term
        assert {lit.language for lit in ontology.objects(term, SKOS.definition)} >= {"zh", "en"}, term


def test_the_ontology_says_what_version_and_licence_it_is(ontology):
    [main] = [o for o in ontology.subjects(RDF.type, OWL.Ontology) if str(o) == "https://w3id.org/fengong/ontology"]
    assert str(ontology.value(main, OWL.versionIRI)) == "https://w3id.org/fengong/ontology/0.1.0"
    assert ontology.value(main, DCTERMS.license) is not None
    assert ontology.value(main, DCTERMS.creator) is not None
    assert {lit.language for lit in ontology.objects(main, DCTERMS.title)} == {"zh", "en"}


def test_every_concept_of_the_schemes_is_named_in_both_languages(ontology):
    concepts = set(ontology.subjects(SKOS.inScheme, None))
    assert len(concepts) > 30
    for concept in concepts:
        assert {lit.language for lit in ontology.objects(concept, SKOS.prefLabel)} >= {"zh", "en"}, concept

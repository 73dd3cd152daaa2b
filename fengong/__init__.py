"""fengong (分工): a knowledge graph and SPARQL service for the task-division tables of Chinese plans."""

from pathlib import Path

__version__ = "0.1.0"

#: The repository root when fengong runs from a checkout (the README's commands install it editable).
PROJECT_ROOT = Path(__file__).resolve().parent.parent

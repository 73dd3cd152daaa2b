"""The HTTP service: a Flask application factory and one blueprint per resource.

The views stay thin; the work lives in :mod:`fengong.store` and :mod:`fengong.sparql`.
"""

from fengong.service.app import create_app

__all__ = ["create_app"]

"""The officers' web app: ``create_app`` builds it, ``gkreview serve`` runs it."""

from gkreview.review.web.app import create_app
from gkreview.review.web.services import WebSettings

__all__ = ["WebSettings", "create_app"]

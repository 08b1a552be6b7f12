"""linkedin-stages: read a LinkedIn data export and place its owner among four stages of presence.

Public API::

    from linkedin_stages import load_export
    export = load_export("Complete_LinkedInDataExport_03-01-2026.zip")
    export.shares            # a polars DataFrame with a fixed schema
    export.reports["shares"] # how the file was read (encoding, repairs, warnings)

Heavy libraries (polars) are imported on first use so that `linkedin-stages --help` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ExportError, FileReadError, LinkedInStagesError

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .export import Export, load_export

__all__ = [
    "Export",
    "ExportError",
    "FileReadError",
    "LinkedInStagesError",
    "__version__",
    "load_export",
]


def __getattr__(name: str) -> Any:
    if name in ("Export", "load_export"):
        from . import export

        return getattr(export, name)
    raise AttributeError(f"module 'linkedin_stages' has no attribute {name!r}")

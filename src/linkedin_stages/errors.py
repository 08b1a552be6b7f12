"""The library's own error types; the CLI turns them into one `Error: …` line."""

from __future__ import annotations


class LinkedInStagesError(Exception):
    """Base class for every error this package raises on purpose."""


class ExportError(LinkedInStagesError):
    """The input is not a readable LinkedIn export (not a folder or zip, corrupt, empty)."""


class FileReadError(LinkedInStagesError):
    """One file of the export could not be read; the rest of the export still loads."""


class ReportError(LinkedInStagesError):
    """The report cannot be made or written as asked (output place, time zone, language)."""

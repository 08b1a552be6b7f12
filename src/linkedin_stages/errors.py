"""The library's own error types, each carrying the exit code the command line ends with.

The command line maps an error to its exit status by its class (`exit_code`), never by a
number of its own; the message becomes one `Error: …` line.

    LinkedInStagesError            every error raised on purpose (exit 1, bad input)
    ├── ExportError                the export as a whole is unusable
    ├── FileReadError              one file of it is (the rest still loads)
    ├── AnalyticsError             an analytics workbook cannot be read
    ├── ThresholdsError            a thresholds file cannot be used
    ├── TimelineError              the timeline cannot be built with these options
    │   └── PlanOptionError        a --target or --by the plan cannot use (exit 2, usage)
    ├── ReportError                the report cannot be made or written as asked
    └── SampleError                a sample archive cannot be written with these arguments
"""

from __future__ import annotations

from enum import IntEnum
from typing import ClassVar


class ExitCode(IntEnum):
    """The exit statuses of `linkedin-stages` (the README promises 1 for bad input)."""

    OK = 0
    # an export, workbook, thresholds file, option value or output place that cannot be used
    BAD_INPUT = 1
    # anything else that stops a command (a bug, out of memory, standard output failing):
    # the same status, so that scripts see one failure code
    FAILED = 1
    USAGE = 2  # a usage error, as click reports it (unknown option, missing argument)
    CLOSED_PIPE = 141  # 128 + SIGPIPE: standard output closed early (`| head`), as other tools


class LinkedInStagesError(Exception):
    """Base class for every error this package raises on purpose."""

    exit_code: ClassVar[ExitCode] = ExitCode.BAD_INPUT


class ExportError(LinkedInStagesError):
    """The input is not a readable LinkedIn export (not a folder or zip, corrupt, empty)."""


class FileReadError(LinkedInStagesError):
    """One file of the export could not be read; the rest of the export still loads."""


class AnalyticsError(LinkedInStagesError):
    """An analytics workbook cannot be read at all (missing, not an XLSX file, corrupt, or not
    LinkedIn's content-analytics workbook). A missing sheet is only a warning."""


class ThresholdsError(LinkedInStagesError):
    """A thresholds file cannot be used (unreadable, not TOML, an unknown key or a value out
    of range); the message names the file and the key."""


class TimelineError(LinkedInStagesError):
    """The timeline cannot be built with these options (a target or date that means
    nothing, an export without dated activity)."""


class PlanOptionError(TimelineError):
    """A `--target` or `--by` the plan cannot use: a usage error (exit status 2), as click
    reports an unknown option."""

    exit_code = ExitCode.USAGE


class ReportError(LinkedInStagesError):
    """The report cannot be made or written as asked (output place, time zone, language)."""


class SampleError(LinkedInStagesError, ValueError):
    """A sample archive cannot be generated with these arguments (unknown persona, a month
    outside its story). Also a ValueError, as callers of the generator caught before."""

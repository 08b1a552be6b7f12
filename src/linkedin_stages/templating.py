"""The project's Jinja2 environment, shared by every page and text it renders.

The report and the comparison (`report/`) and `inspect`'s text (`inspection.py`) load their
templates here, so neither view depends on the other: one loader (the `templates` package),
one strictness (undefined names are errors), one compiled-template cache.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, TypedDict

from .safe_output import safe_label

if TYPE_CHECKING:  # imported when a template is first needed, so `--help` stays fast
    import jinja2


class _Options(TypedDict):
    """The Environment's options that shape the compiled code (part of the cache key)."""

    autoescape: bool
    trim_blocks: bool
    lstrip_blocks: bool
    keep_trailing_newline: bool


def _bytecode_cache(options: Mapping[str, object]) -> jinja2.BytecodeCache | None:
    """Jinja2's compiled-template cache in the temporary folder (Jinja2's own per-user,
    owner-only folder): compiling the report template costs ~0.14 s a run, loading it 2 ms.
    It holds templates only, never member data; if it cannot be used, templates compile.
    Jinja2 checks each template's source; the file names also carry these options and
    Jinja2's version, which the compiled code depends on too."""
    import hashlib

    import jinja2

    class QuietCache(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except (OSError, ValueError, EOFError):  # unreadable or damaged: compile
                bucket.reset()

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:  # full or read-only temporary folder: just no cache
                pass

    if os.environ.get("LINKEDIN_STAGES_NO_TEMPLATE_CACHE"):
        return None
    ordered = sorted(options.items(), key=lambda option: option[0])
    key = hashlib.sha256(repr((ordered, jinja2.__version__)).encode())
    try:
        return QuietCache(pattern=f"__linkedin_stages_{key.hexdigest()[:12]}_%s.cache")
    except (OSError, RuntimeError):  # no usable temporary folder
        return None


def labelled_by(image: str, name_id: str, description_id: str = "") -> str:
    """An inline image (`<svg role="img" aria-labelledby="…">`, Markup) named and described
    by elements of the page instead of its own <title> and <desc>: a chart's visible caption
    and summary (report_macros `figure`), which are then hidden from assistive technology,
    so a screen reader meets the chart's name and its description once each. The image's
    own <title> and <desc> stay for the SVG seen on its own."""
    from markupsafe import Markup

    refs = f'aria-labelledby="{name_id}"' + (
        f' aria-describedby="{description_id}"' if description_id else "")
    opening = re.match(r"<svg\b[^>]*>", image)
    if opening is None or "aria-labelledby=" not in opening.group(0):
        return image
    head = re.sub(r'aria-labelledby="[^"]*"', refs, opening.group(0), count=1)
    return Markup(head + str(image)[opening.end():])  # plain strings: nothing re-escaped


def environment(*, autoescape: bool = True) -> jinja2.Environment:
    """The project's Jinja2 environment: its templates, strict about undefined names, HTML
    autoescaped. `autoescape=False` is only for plain-text terminal output (`inspect`): there
    every `{{ … }}` goes through `safe_label`, so no text from an archive reaches the
    terminal with its control characters (the template's own line breaks are kept)."""
    import jinja2

    options: _Options = {"autoescape": autoescape, "trim_blocks": True, "lstrip_blocks": True,
                         "keep_trailing_newline": True}
    finalize = None if autoescape else safe_label
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("linkedin_stages.templates", ""),
        undefined=jinja2.StrictUndefined,
        # finalize changes the compiled code: it is part of the cache key
        bytecode_cache=_bytecode_cache({**options, "finalize": finalize is not None}),
        finalize=finalize,
        **options,
    )
    env.filters["labelled_by"] = labelled_by
    return env

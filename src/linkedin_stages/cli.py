"""The `linkedin-stages` command line: a thin shell over the library.

It parses arguments, reads files at the edge (the thresholds file, the analytics workbooks,
through the library's readers), calls library functions, and turns the library's errors into
one `Error: …` line with the exit code their class carries (`errors.ExitCode`: 1 for bad
input, 2 for usage errors as click reports them, 141 for a closed pipe). Heavy libraries are
imported inside the commands so that `--help` stays instant.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .errors import ExitCode, LinkedInStagesError
from .i18n.catalogue import default_language, languages
from .safe_output import safe_label

if TYPE_CHECKING:
    import polars as pl

    from .analytics import Analytics
    from .export import Export

COMPARE_NAME = "linkedin-stages-compare.html"
# --lang: the user's locale (LC_ALL, LC_MESSAGES, LANG) when it is one of ours, else English
LANG_DEFAULT = "your locale's language if it is one of these, else en"
BUG_HINT = "this is a bug in linkedin-stages: please report it with the output of --debug"
# A command function, kept as it is by the decorators that add options to it.
F = TypeVar("F", bound=Callable[..., Any])


def _one_line(text: object) -> str:
    """A message on one line, safe for the terminal (control characters shown escaped)."""
    return safe_label(" ".join(str(text).split()))


def _error(message: object, code: ExitCode = ExitCode.BAD_INPUT) -> click.ClickException:
    """One `Error: …` line, and the command ends with `code`."""
    failure = click.ClickException(_one_line(message))
    failure.exit_code = int(code)  # type: ignore[misc]  # click reads it from the instance
    return failure


class _StdoutFailed(Exception):
    """Standard output could not be written (full disk, closed pipe): not a bug."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def _say(text: str, nl: bool = True) -> None:
    """Print on standard output; a failure to write is _StdoutFailed (a clean message)."""
    try:
        try:
            click.echo(text, nl=nl)
        except UnicodeEncodeError:  # a terminal that cannot show every character
            encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
            click.echo(text.encode(encoding, "backslashreplace").decode(encoding), nl=nl)
    except OSError as exc:
        raise _StdoutFailed(exc) from None


def _tell(text: str, *, indent: str = "") -> None:
    """A `Warning:`/`Note:` line on standard error, sanitised; nothing if it cannot be told."""
    try:
        click.echo(indent + _one_line(text), err=True)
    except (OSError, ValueError):
        pass


# json.dumps escapes C0 controls but not C1 ones (U+0080–U+009F, which some terminals obey),
# the bidi and line-separator characters safe_label escapes, nor lone surrogates (undecodable
# bytes of a path, which UTF-8 cannot encode). They only occur inside JSON strings, where the
# \uXXXX escape means the same character: the document reads back the same.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069"
                          "\ud800-\udfff]")


def _json_safe(text: str) -> str:
    """JSON text with those characters written as \\uXXXX escapes."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _echo_failure(exc: BaseException) -> OSError | None:
    """`exc` if it is an OSError raised while click.echo wrote (help, version, usage or our
    own output), else None: what failed is the output, not the command."""
    if not isinstance(exc, OSError):
        return None
    trace = exc.__traceback__
    while trace is not None:
        code = trace.tb_frame.f_code
        if code.co_name == "echo" and code.co_filename.endswith(os.path.join("click",
                                                                             "utils.py")):
            return exc
        trace = trace.tb_next
    return None


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the final flush cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real descriptor (tests)
        pass


def _stdout_failure(error: OSError) -> click.exceptions.ClickException | click.exceptions.Exit:
    """A closed pipe (`| head`) ends quietly with 141 (128 + SIGPIPE) as other tools do; any
    other failure (a full disk) is one `Error:` line and exit 1."""
    _silence_stdout()
    if error.errno == errno.EPIPE:
        return click.exceptions.Exit(int(ExitCode.CLOSED_PIPE))
    return _error(f"cannot write to standard output: {error.strerror or error}",
                  ExitCode.FAILED)


class _Cli(click.Group):
    """A group whose commands never show a traceback unless --debug is given."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except _StdoutFailed as failed:
            raise _stdout_failure(failed.error) from None
        except OSError as exc:  # a subcommand's --help to a full disk or a closed pipe
            if _debug(ctx):
                raise
            if _echo_failure(exc) is None:
                raise _unexpected(exc) from None
            raise _stdout_failure(exc) from None
        except LinkedInStagesError as exc:  # the class says which exit code
            if _debug(ctx):
                raise
            raise _error(exc, exc.exit_code) from None
        except MemoryError:
            if _debug(ctx):
                raise
            raise _error("out of memory while reading the export", ExitCode.FAILED) from None
        except Exception as exc:  # the last line of defence: no traceback reaches the user
            if _debug(ctx):
                raise
            raise _unexpected(exc) from None


def _unexpected(exc: BaseException) -> click.ClickException:
    return _error(f"unexpected {type(exc).__name__}: {exc} — {BUG_HINT}", ExitCode.FAILED)


def _debug(ctx: click.Context) -> bool:
    root = ctx.find_root()
    return bool((root.obj or {}).get("debug")) or os.environ.get("LINKEDIN_STAGES_DEBUG") == "1"


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="linkedin-stages")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """See how your LinkedIn presence moved through four stages — present, relay, producer,
    power networker — from your own data export, offline.

    Download your archive from LinkedIn (Settings → Data privacy → Get a copy of your data),
    then point this tool at the .zip or the unzipped folder. Nothing is ever sent anywhere and
    nothing is written inside your export.

    \b
    Example:
      linkedin-stages inspect ~/Downloads/Complete_LinkedInDataExport_03-01-2026.zip
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@cli.command()
@click.argument("export", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Human-readable text, or JSON for programs.")
# the languages with a catalogue, as LANGUAGE_CHOICE below (defined after this command)
@click.option("--lang", type=click.Choice(languages()), default=default_language,
              show_default=LANG_DEFAULT,
              help="Language of the text output (the JSON's keys and values stay English).")
def inspect(export: Path, output_format: str, lang: str) -> None:
    """Say what an export holds: datasets, rows, date ranges, repairs, warnings, and what is
    missing (and which analyses that limits).

    EXPORT is the downloaded .zip or the unzipped folder.

    \b
    Examples:
      linkedin-stages inspect Complete_LinkedInDataExport_03-01-2026.zip
      linkedin-stages inspect ~/Downloads/linkedin-export --format json
      linkedin-stages inspect export.zip --lang fr
    """
    from .export import load_export
    from .inspection import render_text, summary

    loaded = load_export(export)
    if output_format == "json":
        _say(_json_safe(json.dumps(summary(loaded), indent=2, ensure_ascii=False)))
    else:
        _say(render_text(loaded, lang), nl=False)


STAGE_CHOICE = click.Choice(["present", "relay", "producer", "power_networker"])
# The languages whose catalogue file exists (i18n/catalogues/<lang>.toml): adding one adds it.
LANGUAGE_CHOICE = click.Choice(languages())



def plan_options(function: F) -> F:
    """The options shared by `timeline` and `analyze`: a target stage and date, thresholds."""
    function = click.option("--thresholds", type=click.Path(path_type=Path),
                            help="A TOML file overriding the stage rules' numbers "
                                 "(see docs/stage-model.md).")(function)
    function = click.option("--by", metavar="YYYY-MM",
                            help="When to reach the target (default: six months after the "
                                 "export).")(function)
    # Checked by analysis.plan.check_plan_options (case, spaces and dashes do not matter; a
    # near miss is answered with the stage meant), not by a click.Choice.
    function = click.option("--target", metavar="STAGE",
                            help="The stage to plan for: present, relay, producer or "
                                 "power_networker (default: the next one up).")(function)
    return function


def analytics_option(function: F) -> F:
    """`--analytics FILE.xlsx`, repeatable: LinkedIn's content-analytics workbooks."""
    return click.option(
        "--analytics", "analytics_files", multiple=True, type=click.Path(path_type=Path),
        help="LinkedIn's content-analytics workbook (.xlsx), for engagement received; "
             "repeat for consecutive periods. One found inside the export folder is used "
             "automatically.")(function)


def _resolved(export: Path) -> Path:
    """The export a path means: itself, or the only export inside a download folder (a folder
    of several stops here, before anything is written)."""
    from .downloads import resolve_export
    from .workbook_files import workbooks_beside

    resolved = resolve_export(export)
    if resolved.note:
        _tell(f"Note: {resolved.note}")
        beside = workbooks_beside(export)
        if beside:
            _tell(f"Note: {len(beside)} workbook(s) beside it in {export} (such as "
                  f"{beside[0]}) are not read automatically; give LinkedIn's analytics "
                  "workbook with --analytics FILE")
    return resolved.path


def _load(export: Path, **options: Any) -> Export:
    """`load_export` of an export already resolved by `_resolved` (which said which)."""
    from .export import load_export

    return load_export(export, **options)


def _per_post(files: tuple[Path, ...]) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """`--analytics` files split into per-post workbooks (PostAnalytics_*.xlsx, told by their
    sheets) and the others (content workbooks, or anything the content reader refuses)."""
    if not files:
        return (), ()
    from .post_analytics import is_post_analytics

    posts = tuple(path for path in files if is_post_analytics(path))
    return posts, tuple(path for path in files if path not in posts)


def _tell_post_analytics(files: tuple[Path, ...], posts: pl.DataFrame) -> None:
    """Each per-post workbook read and joined to its post by id: told in one note."""
    if not files:
        return
    from .analysis.post_engagement import join_post_analytics
    from .post_analytics import load_post_analytics

    counts = join_post_analytics(load_post_analytics(files), posts).counts()
    _tell(f"Note: {counts['workbooks']} per-post analytics workbook(s): {counts['matched']} "
          f"matched a post of this archive by its id, {counts['unmatched']} did not")


def _load_analytics(exports: list[Path], files: tuple[Path, ...]) -> Analytics | None:
    """The workbooks given, or those found inside the export folders (`load_workbooks`),
    with what it says told on standard error."""
    from .analytics import load_workbooks

    workbooks = load_workbooks(exports, files)
    for notice in workbooks.notices:
        _tell(f"{notice.level}: {notice.text}")
    return workbooks.analytics


@cli.command()
@click.argument("export", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["json", "csv"]), default="json",
              show_default=True, help="JSON (documented in the README) or one CSV row a month.")
@click.option("--lang", type=LANGUAGE_CHOICE, default=default_language, show_default=LANG_DEFAULT,
              help="Language of the reasons and notes.")
@plan_options
@analytics_option
def timeline(export: Path, output_format: str, lang: str, target: str | None, by: str | None,
             thresholds: Path | None, analytics_files: tuple[Path, ...]) -> None:
    """Print each month's stage with its numbers and reasons, the transitions, the current
    stage and a plan toward a target stage.

    \b
    Examples:
      linkedin-stages timeline sample_exports/climber
      linkedin-stages timeline export.zip --format csv > months.csv
      linkedin-stages timeline export.zip --target power_networker --by 2027-06
    """
    from .analysis import analyze, dumps_json, to_csv
    from .analysis.plan import check_plan_options
    from .analysis.thresholds import load_thresholds

    # Options and the thresholds file first: a bad one is told before the export is read.
    stage = check_plan_options(target, by)  # "Power networker" → "power_networker"
    limits = load_thresholds(thresholds)
    loaded = _load(_resolved(export))
    post_files, analytics_files = _per_post(analytics_files)
    analytics = _load_analytics([loaded.location], analytics_files)
    built = analyze(loaded, thresholds=limits, target=stage, by=by, analytics=analytics)
    _tell_post_analytics(post_files, built.posts)
    _say(_json_safe(dumps_json(built, lang)) if output_format == "json"
         else to_csv(built, lang), nl=False)


@cli.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Where to write the HTML comparison [default: "
                   "./linkedin-stages-compare.html]. Never inside an export.")
@click.option("--format", "output_format", type=click.Choice(["html", "json"]), default="html",
              show_default=True, help="An offline HTML page, or JSON on standard output "
                                      "(documented in the README).")
@click.option("--lang", type=LANGUAGE_CHOICE, default=default_language, show_default=LANG_DEFAULT,
              help="Language of the HTML page.")
@analytics_option
@click.option("--redact", is_flag=True,
              help="Name nobody: people become pseudonyms; no URL, e-mail, message or post "
                   "text (to share the comparison).")
@click.option("--redact-companies", is_flag=True,
              help="With --redact (implied), companies become pseudonyms too.")
@click.option("--open", "open_after", is_flag=True, help="Open the comparison in your browser.")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
def compare(old: Path, new: Path, output: Path | None, output_format: str, lang: str,
            analytics_files: tuple[Path, ...], redact: bool, redact_companies: bool,
            open_after: bool, quiet: bool) -> None:
    """Compare two exports of the same member taken at different dates: connections gained,
    lost and job moves in your network, what you did in between, what LinkedIn no longer
    keeps, and how your stage changed. The order of OLD and NEW does not matter: the older
    one is recognised from its contents.

    \b
    Examples:
      linkedin-stages compare sample_exports/climber-2021-06 sample_exports/climber
      linkedin-stages compare export-2024.zip export-2026.zip -o then-and-now.html --lang fr
      linkedin-stages compare export-2024.zip export-2026.zip --format json > changes.json
    """
    from .analysis.compare import compare_exports, to_json
    from .report.render import check_output

    if open_after and output_format != "html":
        raise click.UsageError("--open opens the HTML page; --format json writes none")
    old, new = _resolved(old), _resolved(new)
    out = None
    if output_format == "html":
        out = check_output(old, output if output is not None else Path(COMPARE_NAME))
        check_output(new, out)

    first, second = _load(old), _load(new)
    analytics = _load_analytics([first.location, second.location], analytics_files)
    comparison = compare_exports(first, second, analytics=analytics)
    if redact or redact_companies:
        from .redact import redact_comparison

        # Matched on the real archives; only what is shown is redacted.
        comparison = redact_comparison(comparison, companies=redact_companies, lang=lang)
    for warning in comparison.warnings:
        _tell(f"Warning: {warning}")
    if comparison.swapped:
        _tell(f"Note: {new} is the older archive; compared the other way round.")
    if out is None:
        _say(_json_safe(json.dumps(to_json(comparison), indent=2, ensure_ascii=False)))
        return
    from .report.compare_view import build_compare_report
    from .report.render import write_report

    html = build_compare_report(comparison, lang=lang)
    write_report(html, out)
    _announce("Comparison", out, len(html.encode("utf-8")), quiet=quiet, open_after=open_after)


def _announce(what: str, out: Path, size: int, *, quiet: bool, open_after: bool = False,
              also: Sequence[str] = (), link: bool = True) -> None:
    """The last lines of a command that wrote a page: what was written where and how big,
    any `also` lines, then the page's file:// address (last, so a terminal that turns links
    into clicks opens it from there); with `open_after`, the page in the browser."""
    if not quiet:
        _say(f"{what} written to {safe_label(out)} ({size / 1e6:.1f} MB)")
        for line in also:
            _say(line)
        if link:
            _say(f"Open it: {out.resolve().as_uri()}")
    if open_after:
        import webbrowser

        webbrowser.open(out.resolve().as_uri())


def _card_output(export: Path, card: Path, report: Path) -> Path:
    """Where `--card` writes: a .png or .svg name (else a usage error, exit 2), checked like
    the report's place and never the report's own file."""
    from .report.card import CARD_FORMATS, card_format, check_card_output

    if card_format(card) is None:
        raise click.BadParameter(f"{safe_label(card)}: the card is an image: give a name "
                                 f"ending in {' or '.join(CARD_FORMATS)}",
                                 param_hint="'--card'")
    return check_card_output(export, card, report)


def _stderr_is_terminal() -> bool:
    """Progress goes to stderr only when someone is watching it."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


@cli.command()
@click.argument("export", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Where to write the report [default: ./linkedin-stages-report.html]. "
                   "Never inside the export.")
@click.option("--lang", type=LANGUAGE_CHOICE, default=default_language, show_default=LANG_DEFAULT,
              help="Language of the report.")
@plan_options
@click.option("--tz", "tz", metavar="ZONE", default=None,
              help="IANA time zone for the hours you post (e.g. Europe/Paris) "
                   "[default: this computer's].")
@click.option("--open", "open_after", is_flag=True, help="Open the report in your browser.")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
@analytics_option
@click.option("--redact", is_flag=True,
              help="A report to share: people become pseudonyms (\"Person 17\"), your name, "
                   "profile links, e-mails, messages, post texts and links are left out; "
                   "same stages and charts.")
@click.option("--redact-companies", is_flag=True,
              help="With --redact (implied), companies become pseudonyms too (\"Company 3\").")
@click.option("--card", type=click.Path(path_type=Path), default=None, metavar="FILE.png|.svg",
              help="Also write a 1200×630 image to share: staircase, trajectory, three "
                   "numbers; carries no one's name but yours (none with --redact).")
def analyze(export: Path, output: Path | None, lang: str, target: str | None, by: str | None,
            thresholds: Path | None, tz: str | None, open_after: bool, quiet: bool,
            analytics_files: tuple[Path, ...], redact: bool,
            redact_companies: bool, card: Path | None) -> None:
    """Write an offline HTML report of your four stages: where you are, your trajectory,
    what you did, your network, voice and rhythm, month by month, and a plan.

    EXPORT is the downloaded .zip or the unzipped folder. The report is one self-contained
    file: it loads nothing from the internet and can be opened from disk, printed or kept.

    \b
    Examples:
      linkedin-stages analyze Complete_LinkedInDataExport_03-01-2026.zip
      linkedin-stages analyze ~/Downloads/linkedin-export -o report.html --lang fr
      linkedin-stages analyze export.zip --target producer --by 2027-06 --tz Europe/Paris
      linkedin-stages analyze export.zip --redact -o to-share.html
      linkedin-stages analyze export.zip --card my-stage.png
    """
    from .analysis.plan import check_plan_options
    from .analysis.thresholds import load_thresholds
    from .report.render import DEFAULT_NAME, check_output
    from .zones import check_zone, local_zone

    export = _resolved(export)  # the output is checked against the export actually read
    out = check_output(export, output if output is not None else Path(DEFAULT_NAME))
    card_out = _card_output(export, card, out) if card is not None else None
    zone = check_zone(tz) if tz is not None else local_zone()
    # Options and the thresholds file first: a bad one is told before the export is read.
    stage = check_plan_options(target, by)  # "Power networker" → "power_networker"
    limits = load_thresholds(thresholds)
    show = not quiet and _stderr_is_terminal()

    def progress(message: str) -> None:
        if show:
            _tell(message, indent="  ")

    from .analysis import analyze as analyzed
    from .report.render import write_report

    progress(f"reading {export}")
    loaded = _load(export, progress=progress)
    post_files, analytics_files = _per_post(analytics_files)
    analytics = _load_analytics([loaded.location], analytics_files)
    progress("placing every month on the four stages")
    built = analyzed(loaded, thresholds=limits, target=stage, by=by, analytics=analytics)
    _tell_post_analytics(post_files, built.posts)
    from .analysis.report_data import analyze_for_report
    from .report.render import render_report

    # The analysis runs on the real archive (its text signals need the words); only what
    # the page shows is redacted, before any view is built from it.
    data = analyze_for_report(loaded, built, zone=zone)
    if redact or redact_companies:
        from .redact import redact_report

        progress("leaving out names, texts and links")
        data = redact_report(data, loaded, companies=redact_companies, lang=lang).data
    progress("drawing the charts")
    html = render_report(data, lang=lang)
    image = None
    if card_out is not None:  # drawn before anything is written: a failure writes nothing
        from .report.card import card_data, card_format, render_card, write_card

        progress("drawing the card")
        # from `data`, redacted or not: a redacted analysis holds no name, so neither does it
        image = render_card(card_data(data, lang=lang), card_format(card_out) or "png")
    write_report(html, out)
    if card_out is not None and image is not None:
        write_card(image, card_out)
    _announce("Redacted report" if redact or redact_companies else "Report", out,
              len(html.encode("utf-8")), quiet=quiet, open_after=open_after,
              also=[f"Card written to {safe_label(card_out)}"] if card_out is not None else [])


COHORT_NAME = "linkedin-stages-cohort.html"
COHORT_FORMATS = {"html": COHORT_NAME, "json": "linkedin-stages-cohort.json",
                  "parquet": "linkedin-stages-cohort.parquet"}
COHORT_WHAT = {"html": "cohort page", "json": "cohort JSON", "parquet": "cohort Parquet file"}


@cli.command()
@click.argument("exports", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Where to write the page, the JSON or the Parquet file [default: "
                   "./linkedin-stages-cohort.html, .json or .parquet; `-` for JSON on "
                   "standard output]. Never inside an export.")
@click.option("--format", "output_format", type=click.Choice(list(COHORT_FORMATS)),
              default="html", show_default=True,
              help="An offline HTML page; JSON (members, months, statistics); or Parquet: "
                   "one row a member-month with its stage and key metrics (for polars, "
                   "pandas, DuckDB).")
@click.option("--workers", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes reading exports at once (0: one per core; 1: no pool). Each "
                   "reads one export at a time.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Run the per-member step on a Dask cluster instead (tcp://host:8786, or "
                   "`local`); needs pip install 'linkedin-stages[dask]' and the exports "
                   "readable from its workers.")
@click.option("--lang", type=LANGUAGE_CHOICE, default=default_language, show_default=LANG_DEFAULT,
              help="Language of the page (and of the JSON's labels).")
@click.option("--thresholds", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="TOML file overriding the stage rules' numbers (see docs/stage-model.md).")
@click.option("--redact", is_flag=True,
              help="Name nobody: members become \"Person 1\", \"Person 2\"…, export names "
                   "and paths are left out. Use it for any page or file meant to leave the "
                   "team (a client, a report, a publication); without it the page shows "
                   "the names the exports give, for the team's own use.")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
def cohort(exports: tuple[Path, ...], output: Path | None, output_format: str, workers: int,
           scheduler: str | None, lang: str, thresholds: Path | None, redact: bool,
           quiet: bool) -> None:
    """Stages of many members at once: where a team or a cohort stands against the
    article's 90 / 9 / 1, the share at each stage month by month, how members move (the
    transitions, the time to the next stage), what came before a rise, and one row per
    member with their stage, since when and the plan's next step.

    EXPORTS are exports (folders or zips) or folders of exports, one per member (found up
    to three levels down); several exports of one member (same name, same registration)
    are snapshots, the newest used for now. Exports that cannot be read are listed with
    their reason; the rest go on.

    \b
    Examples:
      linkedin-stages sample --cohort 50 team
      linkedin-stages cohort team -o team.html
      linkedin-stages cohort team --redact -o team-to-share.html --lang fr
      linkedin-stages cohort team --format parquet -o team.parquet
      linkedin-stages cohort team --format json -o - | jq .statistics.now
    """
    from .analysis.thresholds import load_thresholds
    from .cohort_run import discover, run_dask, run_local
    from .safe_output import check_destination, write_atomically

    out: Path | None = None
    if not (output_format == "json" and output == Path("-")):
        out = output if output is not None else Path(COHORT_FORMATS[output_format])
        for export in exports:  # never inside (or over) an export
            check_destination(export, out, what=COHORT_WHAT[output_format], option="-o",
                              example=COHORT_FORMATS[output_format])
    rules = load_thresholds(thresholds) if thresholds is not None else None
    jobs, problems = discover(list(exports))
    if not jobs:
        reasons = "; ".join(f"{u.label}: {u.reason}" for u in problems) or "nothing given"
        raise _error(f"no export to read ({reasons})")
    options: dict[str, Any] = {"thresholds": rules} if rules is not None else {}
    show = not quiet and _stderr_is_terminal()
    bar = click.progressbar(length=len(jobs), label=f"Reading {len(jobs)} exports",
                            file=sys.stderr)
    with bar if show else contextlib.nullcontext(bar):
        step = bar.update if show else None
        if scheduler:
            group = run_dask(jobs, problems, scheduler=scheduler, progress=step, **options)
        else:
            group = run_local(jobs, problems, workers=workers, progress=step, **options)
    for problem in group.unreadable:
        _tell(f"Warning: {problem.label}: not read: {problem.reason}")
    if not group.members:
        raise _error(f"none of the {len(jobs)} exports could be read (each is listed above)")
    if redact:
        from .redact import redact_cohort

        group = redact_cohort(group, lang=lang)
    snapshots = sum(len(m.snapshots) - 1 for m in group.members)
    if not quiet:
        _tell(f"Note: {len(group.members)} members from {len(jobs)} exports"
              + (f" ({snapshots} older snapshots)" if snapshots else "")
              + (f"; {len(group.unreadable)} not read" if group.unreadable else ""))
    from .analysis.cohort import to_json, to_rows
    from .analysis.cohort_stats import cohort_stats, stats_json

    statistics = cohort_stats(group)
    if output_format == "parquet":
        import io

        buffer = io.BytesIO()
        to_rows(group).write_parquet(buffer)
        data = buffer.getvalue()
    elif output_format == "json":
        text = json.dumps(to_json(group, stats_json(statistics), lang), indent=1,
                          ensure_ascii=False) + "\n"
        if out is None:
            _say(_json_safe(text.rstrip("\n")))
            return
        data = text.encode("utf-8")
    else:
        from .report.cohort_view import build_cohort_report

        data = build_cohort_report(group, statistics, lang=lang).encode("utf-8")
    assert out is not None
    write_atomically(out, data, what=f"the {COHORT_WHAT[output_format]}")
    _announce(COHORT_WHAT[output_format].capitalize(), out, len(data), quiet=quiet,
              link=output_format == "html")


@cli.command()
@click.argument("persona", required=False)
@click.argument("outdir", required=False, type=click.Path(path_type=Path))
@click.option("--seed", type=int, default=0, show_default=True,
              help="Another seed gives another member with the same story.")
@click.option("--until", metavar="YYYY-MM",
              help="Write the archive as it would have been exported that month (in that "
                   "month's file layout: 2018, 2021–23, 2024, 2025 on).")
@click.option("--scale", type=float, default=1.0, show_default=True,
              help="Multiply every volume (e.g. 100 for a stress archive of hundreds of MB).")
@click.option("--zip", "as_zip", is_flag=True, help="Write the downloaded .zip form.")
@click.option("--analytics", "with_analytics", is_flag=True,
              help="Also write the member's content-analytics workbook for the year before "
                   "the export, as OUTDIR.analytics.xlsx.")
@click.option("--list", "list_personas", is_flag=True, help="List the personas and exit.")
@click.option("--cohort", "cohort_size", type=click.IntRange(min=1), default=None, metavar="N",
              help="Write a scripted team of N invented members instead, one folder each "
                   "(folders and zips, some with an older export too) and DIR/"
                   "cohort.truth.json: `sample --cohort 50 DIR`, then `cohort DIR`.")
def sample(persona: str | None, outdir: Path | None, seed: int, until: str | None,
           scale: float, as_zip: bool, with_analytics: bool, list_personas: bool,
           cohort_size: int | None) -> None:
    """Write an invented member's complete LinkedIn archive, byte-faithful to the real format,
    with a scripted stage per month (PERSONA is one of --list, or `all` for the set kept in
    sample_exports/).

    The archive goes to OUTDIR (a folder, or OUTDIR.zip with --zip) and the true stage of
    every month to OUTDIR.truth.json beside it. Same persona and seed give identical bytes.

    \b
    Examples:
      linkedin-stages sample --list
      linkedin-stages sample climber /tmp/climber
      linkedin-stages sample climber /tmp/climber-2021 --until 2021-06 --zip
      linkedin-stages sample all sample_exports
      linkedin-stages sample --cohort 50 team
    """
    from .synth.generate import COMMITTED_SAMPLES, check_sample_target, write_sample
    from .synth.personas import PERSONAS

    if list_personas:
        for persona_id, info in PERSONAS.items():
            _say(f"{persona_id:12} {info.full_name} ({info.lang}, {info.archive}): "
                 f"{info.story}")
        return
    if cohort_size is not None:
        if persona is None or outdir is not None:
            raise click.UsageError("--cohort N takes one folder: sample --cohort 50 DIR")
        if until or scale != 1.0 or as_zip or with_analytics:
            raise click.UsageError("--cohort writes its own mix of exports: no --until, "
                                   "--scale, --zip or --analytics with it")
        from .synth.cohort import TRUTH_NAME, write_cohort

        team = Path(persona)
        written_team = write_cohort(team, cohort_size, seed=seed)
        _say(f"wrote {written_team.members} members ({written_team.exports} exports) to "
             f"{safe_label(team)} and "
             f"{safe_label(team / TRUTH_NAME)}")
        return
    if persona is None or outdir is None:
        raise click.UsageError("give a PERSONA and an OUTDIR (or --list)")
    if persona == "all":
        jobs = [(outdir / name, persona_id, until or month)
                for name, (persona_id, month) in COMMITTED_SAMPLES.items()]
    else:
        jobs = [(outdir, persona, until)]
    # Every target checked before anything is written: a refusal changes nothing.
    places = [check_sample_target(target, as_zip=as_zip, analytics=with_analytics)
              for target, _, _ in jobs]
    for (target, persona_id, month), place in zip(jobs, places, strict=True):
        written, truth, archive = write_sample(persona_id, target, seed=seed, until=month,
                                               scale=scale, as_zip=as_zip)
        size = sum(len(data) for data in archive.files.values())
        _say(f"wrote {safe_label(written)} ({len(archive.files)} files, "
             f"{size / 1e6:.1f} MB, exported {archive.month}) and {safe_label(truth)}")
        if with_analytics:
            from .safe_output import write_atomically
            from .synth.analytics_workbook import workbook_bytes

            write_atomically(place.workbook,
                             workbook_bytes(persona_id, archive.month, seed, scale=scale),
                             what="the analytics workbook")
            _say(f"wrote {safe_label(place.workbook)}")


def main() -> None:
    """Console-script entry point.

    Once the command has finished, the process ends without Python's teardown: freeing a
    heavy archive's frames object by object took ~0.15 s that the system does at once. The
    output streams are flushed first (a failure there is reported like any other: a full
    disk is one `Error:` line and exit 1, a closed pipe ends quietly); every file a command
    writes is already closed. Under a profiler, a debugger or coverage (which write their
    results at exit), it exits normally."""
    try:
        try:
            cli.main(prog_name="linkedin-stages")
        except OSError as exc:  # --help or --version to a full disk (EPIPE: click's own)
            if _echo_failure(exc) is None:
                raise
            failure = _stdout_failure(exc)
            if isinstance(failure, click.ClickException):
                try:
                    failure.show()
                except (OSError, ValueError):
                    pass
            raise SystemExit(failure.exit_code) from None
    except SystemExit as done:
        code = done.code
        if code is not None and not isinstance(code, int):
            raise
        if code == ExitCode.FAILED and type(sys.stdout).__name__.endswith(
                "PacifyFlushWrapper"):
            code = int(ExitCode.CLOSED_PIPE)  # click's own answer to a closed pipe: ours
        code = _flush_outputs(code or int(ExitCode.OK))
        if _observed():
            raise SystemExit(code) from None
        os._exit(code)


def _flush_outputs(code: int) -> int:
    """Flush standard output and error; the exit code, changed if standard output failed."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        failure = _stdout_failure(exc) if isinstance(exc, OSError) else None
        if isinstance(failure, click.ClickException):
            try:
                failure.show()
            except (OSError, ValueError):
                pass
            code = code or int(ExitCode.FAILED)
        elif failure is not None:  # a closed pipe
            code = code or failure.exit_code
    try:
        sys.stderr.flush()
    except (OSError, ValueError):  # nothing more can be said
        pass
    return code


def _observed() -> bool:
    """Whether a tracer or profiler (coverage, pdb, cProfile, pyinstrument…) is attached."""
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)  # Python 3.12+: coverage may use this
    return monitoring is not None and any(
        monitoring.get_tool(tool) is not None for tool in range(6))


if __name__ == "__main__":  # pragma: no cover
    main()  # it ends the process itself

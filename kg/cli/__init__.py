"""The ``kg`` command line: thin Typer commands over kg's functions, one module per group.

Every command takes ``--store`` (a folder, ``:memory:`` or a SPARQL endpoint URL; default
``KG_STORE`` or ``./kg-store``). User mistakes print one red line and exit with status 1.
"""

from kg.cli import explore, extract, ingest, ontology, query, serve, train, wikidata
from kg.cli.app import app, kb_app

__all__ = ["app", "main"]

# In the order ``kg --help`` lists them.
app.command()(ingest.ingest)
app.command()(extract.extract)
app.command()(query.query)
app.command()(explore.viz)
app.command()(explore.export)
app.command()(query.stats)
app.command()(serve.serve)
app.command()(query.path)
app.command("eval")(extract.eval_command)
app.command()(train.train)
app.command("check-gold")(train.check_gold)
app.command("validate")(ontology.validate_command)
app.command()(ontology.ontology)
app.command()(ingest.demo)
app.command()(wikidata.enrich)
app.add_typer(kb_app)
kb_app.command("build")(wikidata.kb_build)


def main() -> None:
    """Entry point of the ``kg`` console script."""
    app()

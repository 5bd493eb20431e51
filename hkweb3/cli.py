"""The ``hkweb3`` command: parse options, call :mod:`hkweb3.api`, print rows."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from hkweb3 import __version__, api
from hkweb3.errors import HKWeb3Error
from hkweb3.graph.analysis import METRICS, WEIGHTS, GraphFilter
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.export import export_json
from hkweb3.output import FORMATS, printable, write_rows
from hkweb3.queries.library import AS_OF

EXIT_CODES = """\b
Exit codes:
  0  success
  1  bad input or data (the message names the file)
  2  usage, Cypher or read-only error
  3  store error (unreachable, refused, cannot start)"""


class _Failure(click.ClickException):
    def __init__(self, message: str, exit_code: int):
        super().__init__(printable(message))  # a file name may hold escape sequences
        self.exit_code = exit_code


class _Group(click.Group):
    """Turns hkweb3's own errors into one line and an exit code (a traceback with --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except HKWeb3Error as exc:
            if ctx.obj is not None and ctx.obj.get("debug"):
                raise
            raise _Failure(str(exc), exc.exit_code) from None


def format_option(*choices: str) -> Callable:
    """The shared ``--format`` option (every command offers the same formats)."""
    return click.option(
        "--format", "fmt", type=click.Choice(choices or FORMATS), default="table",
        show_default=True, help="Output format.",
    )


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str] | None = None) -> None:
    write_rows(rows, fmt, sys.stdout, columns)


@click.group(cls=_Group, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="hkweb3")
@click.option("--uri", help="Bolt URI of a Neo4j-compatible server [env: NEO4J_URI]. "
              "Unset: the embedded store.")
@click.option("--user", help="User name for --uri [env: NEO4J_USER; default neo4j].")
@click.option("--password", help="Password for --uri [env: NEO4J_PASSWORD; prefer the env].")
@click.option("--database", help="Database name on the server [env: NEO4J_DATABASE].")
@click.option("--home", type=click.Path(file_okay=False, path_type=Path),
              help="Data directory of the embedded store [env: HKWEB3_HOME].")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, uri, user, password, database, home, debug) -> None:
    """hkweb3: a knowledge graph of the Hong Kong Web3 and digital-asset ecosystem.

    Banks, licensed trading platforms, regulators, associations and the people who lead
    them are nodes; who banks, owns, controls, chairs or licenses whom are typed edges, each
    with its evidence. The graph lives in Neo4j (set NEO4J_URI) or, by default, in an
    embedded ArcadeDB server that hkweb3 starts itself.

    \b
    Start here:
      hkweb3 build                 load the registry and the source documents
      hkweb3 stats                 what the graph holds
      hkweb3 query                 the library of named queries
      hkweb3 ingest news/          add your own documents, with their evidence
      hkweb3 cypher "MATCH (b:Bank) RETURN b.name AS bank"
      hkweb3 db status             how to connect cypher-shell or the Python driver
    """
    ctx.obj = {
        "debug": debug,
        "config": StoreConfig.from_env(
            uri=uri, user=user, password=password, database=database, home=home
        ),
    }


# -- db ------------------------------------------------------------------------------------


@cli.group(cls=_Group)
def db() -> None:
    """Run the embedded store (ArcadeDB behind a Bolt port on 127.0.0.1).

    Commands start it for their own duration when it is not running; `db start` keeps it
    up for analysts until `db stop`.
    """


@db.command("start")
@format_option()
@click.pass_obj
def db_start(obj: dict, fmt: str) -> None:
    """Start the embedded server in the background and print how to connect.

    \b
    Example:
      $ hkweb3 db start
      $ cypher-shell -a bolt://127.0.0.1:PORT -u root -p "$(cat DATA_DIR/password)"
      $ cypher-shell -a bolt://127.0.0.1:PORT -u reader -p "$(cat DATA_DIR/reader-password)"
    """
    _emit(_status_rows(api.db_start(obj["config"]), fmt), fmt)


@db.command("stop")
@click.pass_obj
def db_stop(obj: dict) -> None:
    """Stop the embedded server (committed data is kept)."""
    stopped = api.db_stop(obj["config"])
    click.echo("stopped" if stopped else "not running")


@db.command("status")
@format_option()
@click.pass_obj
def db_status(obj: dict, fmt: str) -> None:
    """Say whether the embedded server runs, with its Bolt URI and user.

    Exits with 3 when it is not running. The password is never printed: it is in the
    password file shown (mode 0600).
    """
    status = api.db_status(obj["config"])
    _emit(_status_rows(status, fmt), fmt)
    if not status["running"]:
        sys.exit(3)


def _status_rows(status: dict[str, Any], fmt: str) -> list[dict[str, Any]]:
    if fmt == "json":
        return [status]
    return [{"setting": k, "value": v} for k, v in status.items() if v is not None]


# -- graph ---------------------------------------------------------------------------------


_SUMMARY_COLUMNS = ["document", "status", "words", "entities", "discovered", "relations"]


def _replace_option() -> Callable:
    return click.option(
        "--replace", is_flag=True,
        help="Let a document replace a stored one of the same id read from another file "
             "(without it, that is refused and both files are named).")


def _follow_links_option() -> Callable:
    return click.option(
        "--follow-links", is_flag=True,
        help="Read symbolic links that lead out of the folder being ingested (and walk "
             "linked folders); without it they are refused.")


@cli.command()
@click.option("--registry", type=click.Path(exists=True, path_type=Path),
              help="Registry folder or file [default: the registry shipped in data/].")
@click.option("--documents", type=click.Path(exists=True, path_type=Path),
              help="Documents folder [default: the documents shipped in data/].")
@click.option("--registers", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of register mappings and snapshots [default: those shipped in "
                   "data/, with the shipped registry only].")
@_replace_option()
@_follow_links_option()
@format_option()
@click.pass_obj
def build(obj: dict, registry: Path | None, documents: Path | None, registers: Path | None,
          replace: bool, follow_links: bool, fmt: str) -> None:
    """Build the graph: the curated registry, the public registers, then every document.

    Safe to re-run: the same input gives the same graph, with nothing duplicated. A bad
    registry file is reported as FILE:LINE and nothing is written; a bad document is
    reported and skipped (exit 1), and the others still load. Documents are read as by
    `ingest`: one whose id is taken by a document read from another file (the shipped
    documents of an earlier install elsewhere, say) is refused unless --replace. A register
    snapshot whose row does not fit its mapping stops that register (exit 1); see
    `hkweb3 registers`.
    """
    columns = ["document", "status", "entities", "relations"] if fmt == "table" else None
    with _Report(fmt, columns) as report:
        built = api.build(obj["config"], registry, documents, progress=report.tick,
                          on_files=report.start, replace=replace, follow_links=follow_links,
                          on_skipped=report.skip, registers=registers)
        report.rows = built.as_rows()
    for error in built.judgement_errors:
        click.echo(f"Error: {printable(error)}", err=True)
    if built.judgement_errors:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(path_type=Path))
@click.option("--registry", type=click.Path(exists=True, path_type=Path),
              help="Registry used to recognise entities [default: the shipped one].")
@_replace_option()
@_follow_links_option()
@click.option("--dry-run", is_flag=True,
              help="Write nothing; print what each document would add: entities (new, "
                   "known, merged by a judgement) and facts with their sentence and rule. "
                   "JSON is the shape of `export`'s.")
@format_option()
@click.pass_obj
def ingest(obj: dict, paths: tuple[Path, ...], registry: Path | None, replace: bool,
           follow_links: bool, dry_run: bool, fmt: str) -> None:
    """Ingest documents (files or folders, walked recursively) into the graph.

    Reads .md/.txt (front matter optional), .html, .json and .yaml; PDF (.pdf: the text
    layer, without running headers and footers; a scan without one is refused); Word
    (.docx: paragraphs and tables); and RSS/Atom feed files (.rss, .atom, .xml), one
    document per item. Finds registry entities and new organisations and people; writes
    the relations the text states, each with its evidence (document, sentence, date, and
    page for a PDF). Each document is written whole or not at all; an unchanged one is
    skipped; a changed one replaces its earlier claims. A folder's other files are
    skipped, and counted by type on stderr.

    A document's id is its file name, or the 'id:' in its front matter; a feed item's is
    the feed's name and a hash of its guid, so a newer copy of the feed adds only new or
    changed items. A file whose id is taken by a document read from another file is
    refused, naming both: rename it, or replace on purpose with --replace. Only regular
    files are read (FIFOs, devices and sockets are refused), at most 5 MiB each (PDF,
    .docx and feeds: 5 MiB of text per document, 100 MiB of file); symbolic links out of
    the folder are not followed without --follow-links. If the run stops midway, what it
    committed is still reported.

    \b
    Example:
      $ hkweb3 ingest news/ extra-article.html sfc-circular.pdf saved-feed.xml
      $ hkweb3 ingest --replace corrected/report.md
      $ hkweb3 ingest --dry-run news/          # what it would add; nothing is written
    """
    if dry_run:
        _dry_run(obj, paths, registry, replace, follow_links, fmt)
        return
    columns = _SUMMARY_COLUMNS if fmt == "table" else None
    with _Report(fmt, columns) as report:
        api.ingest(paths, obj["config"], registry, progress=report.tick, on_files=report.start,
                   replace=replace, follow_links=follow_links, on_skipped=report.skip)


@cli.command("registers")
@click.option("--folder", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder of mappings and snapshots [default: data/registers].")
@format_option()
@click.pass_obj
def registers_command(obj: dict, folder: Path | None, fmt: str) -> None:
    """List the public registers hkweb3 can read, with the snapshots shipped for each.

    A register is a table (CSV, or an HTML page with one or more <table>s) described by a
    mapping, <register>.yaml: which column names the row's entity and its kind, which give
    the status, the date and other properties, and which edges each row yields.
    `ingest` recognises a snapshot by its name, <register>-YYYY-MM-DD.csv|.html, and a
    mapping beside it or in data/registers; `build` loads the shipped ones. A newer
    snapshot closes the facts it no longer lists (until = its date) and keeps the old
    periods; a row that does not fit its mapping stops that register whole (exit 1).

    \b
    Example:
      $ hkweb3 registers
      $ hkweb3 ingest saved/sfc-vatp-2026-11-01.csv
    """
    _emit(api.registers(folder), fmt, ["register", "kind", "edges", "snapshots", "title"]
          if fmt == "table" else None)


# -- reviewing and correcting the graph ---------------------------------------------------

_DRY_RUN_COLUMNS = ["document", "element", "status", "item", "rule", "sentence"]


def _dry_run(obj: dict, paths: tuple[Path, ...], registry: Path | None, replace: bool,
             follow_links: bool, fmt: str) -> None:
    skipped: list[str] = []
    preview = api.ingest_dry_run(paths, obj["config"], registry, replace=replace,
                                 follow_links=follow_links, on_skipped=skipped.extend)
    if fmt == "json":
        with tempfile.TemporaryDirectory() as folder:
            written = export_json(preview.as_dump(), Path(folder) / "preview.json")
            click.echo(written.read_text(encoding="utf-8"), nl=False)
    else:
        _emit(preview.as_rows(), fmt, _DRY_RUN_COLUMNS if fmt == "table" else None)
    sys.stdout.flush()
    for line in skipped:
        click.echo(line, err=True)
    errors = [r.error for r in preview.results if r.status == "error"]
    for error in errors:
        click.echo(f"Error: {printable(error)}", err=True)
    if errors:
        sys.exit(1)


@cli.group(cls=_Group)
def judge() -> None:
    """Record an analyst's judgement and apply it to the graph at once.

    Judgements live in YAML files: data/judgements.yaml ships with the graph,
    and the data directory holds your own (DATA_DIR/judgements.yaml, written by these
    commands). Every later build and ingest applies them, so the same input and the same
    judgements always give the same graph. Entities are given by id, name or alias.

    \b
    Examples:
      $ hkweb3 judge same "Harbourlink Digital Limited" "Harbourlink Digital"
      $ hkweb3 judge different hashkey-group hashkey-exchange
      $ hkweb3 judge reject boc-hk SUBSIDIARY_OF jd-com
      $ hkweb3 judge list
    """


@judge.command("same")
@click.argument("entities", nargs=-1, required=True)
@format_option()
@click.pass_obj
def judge_same(obj: dict, entities: tuple[str, ...], fmt: str) -> None:
    """ENTITIES are one entity: keep the first; merge the others into it.

    Their edges, evidence, sources and document mentions move to the one kept (two facts
    that become one keep the evidence of both); their names become its aliases, their ids
    its merged_from. Refused if a judgement says they are different.
    """
    _emit([api.judge_same(entities, obj["config"])], fmt)


@judge.command("different")
@click.argument("a")
@click.argument("b")
@format_option()
@click.pass_obj
def judge_different(obj: dict, a: str, b: str, fmt: str) -> None:
    """A and B are different entities: never merge them (review stops proposing it)."""
    _emit([api.judge_different(a, b, obj["config"])], fmt)


@judge.command("reject")
@click.argument("source")
@click.argument("edge_type", metavar="TYPE")
@click.argument("target")
@click.option("--document", help="Reject only this document's evidence for the fact.")
@click.option("--role", help="Reject only the edge of this role (HOLDS_ROLE).")
@format_option()
@click.pass_obj
def judge_reject(obj: dict, source: str, edge_type: str, target: str, document: str | None,
                 role: str | None, fmt: str) -> None:
    """The fact SOURCE -TYPE-> TARGET is wrong: remove it, and never write it again,
    whichever document states it.

    \b
    Example:
      $ hkweb3 judge reject boc-hk SUBSIDIARY_OF jd-com
    """
    _emit([api.judge_reject(source, edge_type, target, document=document, role=role,
                            config=obj["config"])], fmt)


@judge.command("list")
@format_option()
@click.pass_obj
def judge_list(obj: dict, fmt: str) -> None:
    """Every judgement in force, with its file and line (the shipped ones first)."""
    _emit(api.list_judgements(obj["config"]), fmt, ["kind", "judgement", "file", "line"])


@cli.command("review")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="At most this many duplicates, and as many facts.")
@click.option("--threshold", type=click.FloatRange(0, 100),
              help="RapidFuzz score (0-100) from which two names are proposed as one "
                   "[default: graph/review.yaml's, 90].")
@format_option()
@click.pass_obj
def review_command(obj: dict, limit: int, threshold: float | None, fmt: str) -> None:
    """What to review: likely duplicate entities, then weakly supported facts.

    Duplicates: names equal but for punctuation or a legal suffix (Limited, Ltd, Inc...),
    or close by RapidFuzz; pairs judged different are left out. Facts: those extraction
    wrote that a single document states, or with a low confidence, weakest first. Each
    row ends with the `hkweb3 judge` command that accepts it.
    """
    rows = [c.as_row() for c in api.review(limit, threshold, obj["config"])]
    _emit(rows, fmt, ["kind", "item", "reason", "score", "command"] if fmt == "table" else None)


@cli.command()
@click.argument("documents", nargs=-1, required=True)
@click.pass_obj
def forget(obj: dict, documents: tuple[str, ...]) -> None:
    """Withdraw documents (by id) and every claim only they support.

    Their evidence leaves the edges; edges and discovered entities with no evidence left
    are removed. Registry facts stay.
    """
    found = api.forget(documents, obj["config"])
    click.echo(f"forgot {len(found)} of {len(documents)} document(s)")
    if missing := sorted(set(documents) - set(found)):
        click.echo(f"Error: not in the graph: {printable(', '.join(missing))}", err=True)
        sys.exit(1)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["json", "graphml", "csv"]),
              default="json", show_default=True, help="Export format.")
@click.option("--out", type=click.Path(path_type=Path),
              help="File to write (a folder for csv); without it, JSON and GraphML go to "
                   "standard output.")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
              help="Export the graph as of DATE: facts whose period rules DATE out are left "
                   "out (undated facts stay).")
@click.pass_obj
def export(obj: dict, fmt: str, out: Path | None, as_of) -> None:
    """Export the whole graph: JSON, GraphML, or CSV for `neo4j-admin database import`.

    With --out, prints the path written; without, writes the graph itself to standard output.

    \b
    Examples:
      $ hkweb3 export --format csv --out export/
      $ hkweb3 export | jq '.nodes | length'
      $ hkweb3 export --as-of 2022-12-31 --out graph-2022.json
    """
    day = as_of.date() if as_of else None
    if out is not None:
        click.echo(api.export(fmt, out, obj["config"], as_of=day).resolve())
        return
    if fmt == "csv":
        raise click.UsageError("csv is a folder of files: give it one with --out DIR")
    with tempfile.TemporaryDirectory() as folder:
        written = api.export(fmt, Path(folder) / f"graph.{fmt}", obj["config"], as_of=day)
        with written.open("rb") as handle:
            sys.stdout.flush()
            shutil.copyfileobj(handle, sys.stdout.buffer)


@cli.command()
@format_option()
@click.pass_obj
def conflicts(obj: dict, fmt: str) -> None:
    """Claims that disagree, with both sources: two people in a role one person holds at a
    time (CEO, chair) over the same period, or two parents for one subsidiary.

    Both claims stay in the graph; this lists them.
    """
    _emit([c.as_row() for c in api.conflicts(obj["config"])], fmt,
          ["subject", "claim", "holders", "sources"])


class _Report:
    """The documents of a build or an ingest: a progress bar on stderr while they are read,
    then their rows on stdout, and on stderr what the folder walks skipped and each bad
    file's error (exit 1).

    A run that stops midway (the store gone, an interrupt) still prints the rows of what it
    committed before its own error."""

    def __init__(self, fmt: str, columns: list[str] | None):
        self.fmt = fmt
        self.columns = columns
        self.results: list[Any] = []
        self.rows: list[dict[str, Any]] | None = None  # set for rows other than results'
        self.bar = None
        self.skipped: list[str] = []
        self._file: Any = None  # the file of the last result the bar counted

    def skip(self, lines: list[str]) -> None:
        self.skipped = lines

    def start(self, total: int) -> None:
        if not sys.stderr.isatty():
            return  # click would print the bare label once, a stray line in a log
        self.bar = click.progressbar(length=total, label="files", file=sys.stderr,
                                     show_pos=True)
        self.bar.__enter__()

    def tick(self, result: Any) -> None:
        self.results.append(result)
        # The total counts files, and a feed file gives a result per item, in a row.
        if self.bar is not None and result.path != self._file:
            self._file = result.path
            self.bar.update(1)

    def __enter__(self) -> _Report:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: Any) -> None:
        if self.bar is not None:
            self.bar.__exit__(kind, *exc)
        if kind is not None and not self.results:
            return  # stopped before any document: the error says it all
        rows = self.rows if self.rows is not None else [r.as_row() for r in self.results]
        if self.fmt == "table":  # a file that gave no document is named by its path
            rows = [{**row, "document": row.get("document") or row.get("file")}
                    for row in rows]
        _emit(rows, self.fmt, self.columns)
        sys.stdout.flush()  # the report first, then the notes and errors
        for line in self.skipped:
            click.echo(line, err=True)
        for note in (getattr(r, "note", None) for r in self.results):
            if note:  # a Chinese document: what the English pipeline did not read
                click.echo(f"note: {printable(note)}", err=True)
        errors = [r.error for r in self.results if r.status == "error"]
        for error in errors:
            click.echo(f"Error: {printable(error)}", err=True)
        if errors and kind is None:
            sys.exit(1)


@cli.command()
@format_option()
@click.pass_obj
def stats(obj: dict, fmt: str) -> None:
    """Count nodes by label and edges by type.

    \b
    Example:
      $ hkweb3 stats --format json
    """
    result = api.stats(obj["config"])
    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
        return
    rows = [{"element": "node", "name": k, "count": v} for k, v in result["nodes"].items()]
    rows += [{"element": "edge", "name": k, "count": v} for k, v in result["edges"].items()]
    _emit(rows, fmt, ["element", "name", "count"])


@cli.command()
@click.argument("name", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter of the query; entities may be given by id, name or alias.")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
              help="The graph as of DATE: facts whose period rules DATE out are left out "
                   "(for queries that declare asOf).")
@format_option()
@click.pass_obj
def query(obj: dict, name: str | None, params: tuple[str, ...], as_of, fmt: str) -> None:
    """Run a named query from the library, or list the library.

    Every query runs read-only. Parameters not given take their defaults.

    \b
    Examples:
      $ hkweb3 query
      $ hkweb3 query platform-banks --param platform="HashKey PRO"
      $ hkweb3 query control-chain -p entity=za-bank -p hops=2 --format json
      $ hkweb3 query people-at -p org=za-bank --as-of 2023-06-30
    """
    if name is None:
        _emit(api.list_queries(), fmt, ["name", "description", "parameters"])
        return
    values: dict[str, Any] = dict(map(_split_param, params))
    if as_of is not None:
        values[AS_OF] = as_of.date()
    result = api.run_query(name, values, obj["config"])
    _emit(result.rows, fmt, result.columns)
    _notes(result.notes)


def _split_param(item: str) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    if not sep or not key.isidentifier():
        raise click.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--param")
    return key, value


@cli.command()
@click.argument("statement", required=False)
@click.option("-f", "--file", "file", type=click.File("r"),
              help="Read the statement from a file ('-' or a pipe: standard input).")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter, used as $KEY. VALUE is read as JSON if it parses, else text.")
@click.option("--write", is_flag=True,
              help="Run as the administrator: the statement may change the graph.")
@format_option()
@click.pass_obj
def cypher(obj: dict, statement: str | None, file, params: tuple[str, ...], write: bool,
           fmt: str) -> None:
    """Run one Cypher statement of your own, read-only unless --write.

    A read connects as a user the server allows to read and nothing else, so it cannot
    change the graph, its schema or its users. Administration and schema commands,
    CALL { } IN TRANSACTIONS and LOAD CSV are refused before they are sent (exit 2). No
    statement, --write included, can read a file of this machine on the embedded store.

    \b
    Examples:
      $ hkweb3 cypher "MATCH (b:Bank) RETURN b.name AS bank ORDER BY bank"
      $ hkweb3 cypher "MATCH (e:Entity {id: \\$id}) RETURN e.name AS name" -p id=za-bank
    """
    if statement is None and file is None and not sys.stdin.isatty():
        file = sys.stdin  # `echo "MATCH ..." | hkweb3 cypher`
    if (statement is None) == (file is None):
        raise click.UsageError("give a STATEMENT, --file, or the statement on standard input")
    query = statement if statement is not None else file.read()
    if not query.strip():
        raise click.UsageError("the statement is empty")
    result = api.run_cypher(query, _parse_params(params), write=write, config=obj["config"])
    _emit(result.rows, fmt, result.columns)
    if write and result.counters:
        click.echo(", ".join(f"{k}: {v}" for k, v in result.counters.items()), err=True)


def _parse_params(params: tuple[str, ...]) -> dict[str, Any]:
    """``KEY=VALUE`` pairs, each VALUE read as JSON if it parses, else kept as text."""
    values: dict[str, Any] = {}
    for key, raw in map(_split_param, params):
        try:
            values[key] = json.loads(raw)
        except ValueError:
            values[key] = raw
    return values


# -- analysis ------------------------------------------------------------------------------


def _analysis_options(command: Callable) -> Callable:
    """Options shared by the analysis commands: which part of the graph, from where."""
    options = [
        click.option("--graph", "source", type=click.Path(exists=True, dir_okay=False,
                     path_type=Path), help="Analyse a file from `export --format json` "
                     "instead of the store."),
        click.option("--only-kind", "only_kinds", multiple=True, metavar="KIND",
                     help="Analyse only entities of this kind (repeatable; parent kinds such "
                     "as Organization include their kinds)."),
        click.option("--without-kind", "without_kinds", multiple=True, metavar="KIND",
                     help="Leave out entities of this kind (repeatable), e.g. Person."),
        click.option("--with-places", is_flag=True,
                     help="Include places (the schema's context kinds, such as Hong Kong), "
                     "left out by default: they link everything located in one city."),
        click.option("--edge-type", "edge_types", multiple=True, metavar="TYPE",
                     help="Analyse only edges of this type (repeatable)."),
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
                     help="Keep edges whose period reaches DATE or later (undated edges stay)."),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
                     help="Keep edges whose period starts by DATE (undated edges stay)."),
        click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
                     help="Analyse the graph as of DATE: facts whose period rules DATE out "
                     "are left out (undated facts stay)."),
        click.option("--mentions", is_flag=True,
                     help="Add documents and their MENTIONS edges (provenance) to the graph."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _selection(options: dict[str, Any]) -> dict[str, Any]:
    """The ``where`` and ``source`` arguments of the API from the shared options."""
    since, until = options["since"], options["until"]
    if options["as_of"] is not None:
        if since or until:
            raise click.UsageError("--as-of is one day: give it without --since or --until")
        since = until = options["as_of"]
    where = GraphFilter(
        kinds=list(options["only_kinds"]) or None,
        without_kinds=list(options["without_kinds"]),
        edge_types=list(options["edge_types"]) or None,
        start=since.date() if since else None,
        end=until.date() if until else None,
        mentions=options["mentions"],
        with_places=options["with_places"],
    )
    return {"where": where, "source": options["source"]}


def _weight_option(default: str | None, note: str = "") -> Callable:
    return click.option(
        "--weight", type=click.Choice(WEIGHTS), default=default, show_default=default is not None,
        help="Edge weight: documents behind the facts between two entities (sources), "
             f"the number of facts (edges), or none.{note}")


def _notes(notes: list[str]) -> None:
    for note in notes:
        click.echo(f"note: {note}", err=True)


@cli.command("centrality")
@click.option("--metric", type=click.Choice(list(METRICS)), default="pagerank",
              show_default=True, help="The centrality measure.")
@click.option("--kind", "kinds", multiple=True, metavar="KIND",
              help="Report only entities of this kind (repeatable); scores still come from "
                   "the whole analysed graph.")
@click.option("--top", type=click.IntRange(min=1), help="Report only the first N.")
@click.option("--directed/--undirected", default=None,
              help="Follow edge direction or not [default: directed for pagerank and "
                   "in/out degree, undirected for the rest].")
@_weight_option(None, " [default: none for betweenness and closeness (hops), sources for "
                      "the rest]")
@click.option("--write-back", is_flag=True,
              help="Store every score as an entity property named after the metric, for "
                   "Cypher (replaces earlier values).")
@_analysis_options
@format_option()
@click.pass_obj
def centrality_command(obj: dict, metric: str, kinds, top, directed, weight, write_back, fmt,
                       **selection) -> None:
    """Rank entities by centrality: who matters most in the network.

    Betweenness and closeness are estimated from seeded samples on graphs of over 1,000
    nodes (said on stderr). JSON output is a list of {"id", "name", "kind", "score"} in
    rank order.

    \b
    Examples:
      $ hkweb3 centrality --metric pagerank --kind Bank --kind TradingPlatform --top 10
      $ hkweb3 centrality --metric betweenness --write-back
      $ hkweb3 cypher "MATCH (b:Bank) RETURN b.name, b.betweenness ORDER BY b.betweenness DESC"
    """
    ranking = api.centrality(
        metric, kinds=list(kinds) or None, top=top, directed=directed, weight=weight,
        write_back=write_back, config=obj["config"], **_selection(selection))
    _notes(ranking.notes)
    rows = [s.as_row() for s in ranking.scores]
    if fmt == "json":
        _emit(rows, fmt)
        return
    _emit([{"rank": i, **row} for i, row in enumerate(rows, 1)], fmt,
          ["rank", "name", "kind", "score", "id"])


@cli.command("communities")
@_weight_option("sources")
@click.option("--resolution", type=click.FloatRange(min=0, min_open=True), default=1.0,
              show_default=True, help="Above 1: more, smaller communities; below 1: fewer.")
@click.option("--write-back", is_flag=True,
              help="Store each entity's community number as its `community` property.")
@_analysis_options
@format_option()
@click.pass_obj
def communities_command(obj: dict, weight, resolution, write_back, fmt, **selection) -> None:
    """Find communities (Louvain, seeded: the same graph gives the same groups).

    Community 0 is the largest. Each row gives the community's size, its kinds and its
    members by name.

    \b
    Examples:
      $ hkweb3 communities --format json
      $ hkweb3 communities --write-back
    """
    found = api.communities(
        weight=weight, resolution=resolution, write_back=write_back, config=obj["config"],
        **_selection(selection))
    _emit([c.as_row() for c in found], fmt, ["community", "size", "kinds", "members"])


@cli.command("brokers")
@click.option("--from", "from_kinds", multiple=True, required=True, metavar="KIND",
              help="Kind of one group (repeatable), e.g. Bank.")
@click.option("--to", "to_kinds", multiple=True, required=True, metavar="KIND",
              help="Kind of the other group (repeatable), e.g. TradingPlatform.")
@click.option("--top", type=click.IntRange(min=1), help="Report only the first N.")
@_weight_option("none")
@_analysis_options
@format_option()
@click.pass_obj
def brokers_command(obj: dict, from_kinds, to_kinds, top, weight, fmt, **selection) -> None:
    """Find brokers: entities on the shortest paths between two groups.

    `score` is the share of joined (from, to) pairs whose shortest paths pass through the
    entity; `paths` the same count before dividing. Who links traditional finance to
    crypto:

    \b
    Example:
      $ hkweb3 brokers --from Bank --to TradingPlatform --top 10
    """
    found = api.brokers(
        list(from_kinds), list(to_kinds), top=top, weight=weight, config=obj["config"],
        **_selection(selection))
    _notes(found.notes)
    _emit([b.as_row() for b in found], fmt, ["name", "kind", "score", "paths", "id"])


@cli.command("path")
@click.argument("a")
@click.argument("b")
@_weight_option("none")
@_analysis_options
@format_option()
@click.pass_obj
def path_command(obj: dict, a: str, b: str, weight, fmt, **selection) -> None:
    """Show a shortest path between two entities (ids, names or aliases), one row per
    fact on it, with the documents and a sentence behind each (all evidence in JSON).

    The path ignores edge direction; each fact is shown in its own direction. With
    --weight sources it prefers links that more documents support. Places are left out
    unless --with-places, as in the named query shortest-path.

    \b
    Example:
      $ hkweb3 path "ZA Bank" SFC
    """
    rows = api.path(a, b, weight=weight, config=obj["config"], **_selection(selection))
    _emit(rows, fmt, None if fmt == "json" else
          ["step", "source", "relation", "target", "documents", "sentence"])
    _notes(rows.notes)


# -- the HTML view ---------------------------------------------------------------------------


@cli.command("viz")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default="hkweb3.html",
              show_default=True, help="The HTML file to write.")
@click.option("--focus", metavar="ENTITY", help="Show only this entity's neighbourhood "
              "(id, name or alias).")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="Hops around --focus.")
@click.option("--kind", "kinds", multiple=True, metavar="KIND",
              help="Show only entities of this kind (repeatable; Organization covers its kinds).")
@click.option("--size-by", type=click.Choice(["none", *METRICS]), default="pagerank",
              show_default=True, help="Node size, and what --max-nodes keeps the top of.")
@click.option("--max-nodes", type=click.IntRange(min=1), metavar="N",
              help="Keep the N entities that score highest by --size-by.")
@click.option("--title", help="Page title [default: names the focus, if any].")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
              help="Open the page's timeline at DATE (facts not valid then fade); every "
                   "fact stays in the page [default: all dates].")
@click.option("--graph", "source", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Draw a file from `export --format json` instead of the store.")
@click.pass_obj
def viz_command(obj: dict, out: Path, focus, depth, kinds, size_by, max_nodes, title, as_of,
                source) -> None:
    """Write the graph as one HTML file to open in a browser, offline.

    Nothing is fetched from the network: the drawing library is inside the file. Nodes
    are coloured by kind (legend), sized by --size-by; click a node or edge for its
    evidence (documents, outlets, dates, sentences, links); search by name or alias;
    filter by kind. Large graphs get a precomputed layout so they open fast. Prints the
    file's path.

    \b
    Examples:
      $ hkweb3 viz --out hkweb3.html
      $ hkweb3 viz --focus "ZA Bank" --depth 2 --out za-bank.html
      $ hkweb3 viz --kind Bank --kind TradingPlatform --kind Regulator --max-nodes 50
      $ hkweb3 viz --as-of 2022-06-30 --out hk-2022.html
    """
    path = api.viz(out, focus=focus, depth=depth, kinds=list(kinds) or None, size_by=size_by,
                   max_nodes=max_nodes, title=title, as_of=as_of.date() if as_of else None,
                   source=source, config=obj["config"])
    click.echo(str(path.resolve()))


def main() -> None:
    cli(prog_name="hkweb3")

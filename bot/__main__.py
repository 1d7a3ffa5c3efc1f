"""Command line: `python -m bot chat|run|calls|broadcast|stats ...`.

Every subcommand takes --db (default: the FORSA_DB setting) and --now (the clock's
starting point; it runs on from there).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bot.app import demo_calls, load_demo, open_deps
from bot.channels import console
from bot.config import Settings, SettingsError
from handlers.clock import Clock, StartedClock, SystemClock, parse_now
from handlers.deps import Deps
from handlers.staff import broadcast as staff_broadcast
from handlers.staff import calls as staff_calls
from handlers.staff import stats as staff_stats
from store import broadcasts as broadcast_store
from store import calls as call_store
from store.ingest.extract import extract_call
from store.ingest.read import IngestError, read_document
from store.models import Call

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
CORPUS_DIR = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "calls"


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="SQLite file (default: FORSA_DB or data/forsa.db)")
    parser.add_argument("--now", help="start the clock at this ISO 8601 instant")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Forsa (فرصة)")
    sub = parser.add_subparsers(dest="command", required=True)

    chat = sub.add_parser("chat", help="talk to Forsa in the terminal")
    chat.add_argument("--demo", action="store_true", help="load the demo catalog first")
    chat.add_argument("--lang", choices=("fr", "ar"), help="language for new users")
    chat.add_argument("--jsonl", action="store_true", help="JSON lines on stdin/stdout")
    chat.add_argument("--user", default="local", help="console user id (interactive mode)")
    chat.add_argument(
        "--staff",
        action="append",
        default=[],
        metavar="ID",
        help="this console user id is a staff admin (repeatable)",
    )

    run = sub.add_parser("run", help="start every configured channel")
    run.add_argument("--demo", action="store_true", help="load the demo catalog first")

    calls = sub.add_parser("calls", help="the call catalog")
    actions = calls.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="list published calls")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--drafts", action="store_true", help="include unpublished drafts")
    listing.add_argument("--demo", action="store_true", help="load the demo catalog first")
    show = actions.add_parser("show", help="show one call")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    imp = actions.add_parser("import", help="import .txt/.md/.pdf/.docx calls")
    imp.add_argument("files", nargs="+", type=Path)
    imp.add_argument("--json", action="store_true", help="print what was extracted")
    imp.add_argument("--publish", action="store_true", help="publish at once")
    actions.add_parser("publish", help="make a draft visible").add_argument("id")
    actions.add_parser("close", help="close a call whatever its deadline").add_argument("id")
    _staff_call_actions(actions)
    _broadcast_and_stats(sub)
    _corpus(sub)
    _nlu(sub)

    for command in (chat, run, *actions.choices.values()):
        _common(command)
    return parser


# --- staff actions on calls (issue 5): extend and withdraw ------------------------------


def _staff_call_actions(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    extend = actions.add_parser("extend", help="move a call's deadline; followers are told")
    extend.add_argument("id")
    extend.add_argument("date", nargs="+", help='the new deadline, e.g. "30/01/2025 17h"')
    withdraw = actions.add_parser("withdraw", help="unpublish a call published by mistake")
    withdraw.add_argument("id")


async def _calls_extend(args: argparse.Namespace, deps: Deps) -> int:
    call = await call_store.get_call(deps.db, args.id, include_drafts=True)
    if call is None:
        print(f"no call with id {args.id!r}", file=sys.stderr)
        return EXIT_ERROR
    phrase = " ".join(args.date)
    deadline = staff_calls.parse_date(phrase)
    now = deps.clock.now()
    if deadline is None or deadline <= now:
        problem = "is not a date" if deadline is None else "is already past"
        print(f"error: {phrase!r} {problem}", file=sys.stderr)
        return EXIT_ERROR
    told = await staff_calls.extend(deps.db, call, deadline, phrase, now)
    print(f"extended {call.id} to {deadline.isoformat()}; {told} follower(s) told")
    return EXIT_OK


async def _calls_withdraw(args: argparse.Namespace, deps: Deps) -> int:
    published = await call_store.is_published(deps.db, args.id)
    if published is None:
        print(f"no call with id {args.id!r}", file=sys.stderr)
        return EXIT_ERROR
    if not await staff_calls.withdraw(deps.db, args.id, deps.clock.now()):
        print(f"{args.id} is not published: nothing to withdraw", file=sys.stderr)
        return EXIT_ERROR
    print(f"withdrew {args.id}")
    return EXIT_OK


# --- end of staff actions -------------------------------------------------------------------


# --- broadcast and stats (issue 5, staff tools) ------------------------------------------


def _corpus(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    corpus = sub.add_parser("corpus", help="measure the extractor on labelled documents")
    actions = corpus.add_subparsers(dest="action", required=True)
    score = actions.add_parser("score", help="per-field, per-format right/wrong and misses")
    score.add_argument("dir", nargs="?", default=str(CORPUS_DIR), help="documents + labels")
    score.add_argument(
        "--misses",
        choices=("dev", "all", "none"),
        default="dev",
        help="whose misses to list (holdout ones stay hidden by default)",
    )
    score.add_argument("--seeds", metavar="DIR", help="also the seed texts (../shared/seeds)")


def _nlu(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    nlu = sub.add_parser("nlu", help="measure the intent model")
    actions = nlu.add_subparsers(dest="action", required=True)
    test = actions.add_parser("test", help="k-fold cross-validation over the training file")
    test.add_argument("--folds", type=int, default=5)
    test.add_argument("--file", help="another training file (YAML)")
    evaluate = actions.add_parser("eval", help="conversations written outside the team")
    evaluate.add_argument("files", nargs="+", help="YAML case files")
    evaluate.add_argument(
        "--misses", action="store_true", help="list misses (never for a file named unseen*)"
    )
    evaluate.add_argument(
        "--conversations",
        action="store_true",
        help="through the whole core on the demo catalog, checking the call too",
    )


def _nlu_command(args: argparse.Namespace) -> int:
    from bot import nlu
    from handlers.understand.model import (
        TRAINING_FILE,
        TrainingError,
        default_model,
        load_examples,
    )

    try:
        if args.action == "test":
            examples = load_examples(Path(args.file) if args.file else TRAINING_FILE)
            result = nlu.cross_validate(examples, args.folds)
            print(nlu.render_cross_validation(result, args.folds))
            return EXIT_OK
        model = default_model()
        for name in args.files:
            path = Path(name)
            cases = nlu.load_cases(path)
            if args.conversations:
                with tempfile.TemporaryDirectory() as folder:
                    result = asyncio.run(nlu.converse(cases, DEMO_NOW, Path(folder)))
            else:
                result = nlu.evaluate(model, cases)
            shown = args.misses and not path.name.startswith("unseen")
            print(nlu.render_evaluation(path.name, result, shown))
    except (TrainingError, OSError, ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def _corpus_score(args: argparse.Namespace) -> int:
    from bot.corpus import find_documents, render_report, score_documents, seed_documents

    folder = Path(args.dir)
    documents = find_documents(folder) if folder.is_dir() else []
    if args.seeds:
        documents += seed_documents(Path(args.seeds), demo_calls())
    if not documents:
        print(f"error: {folder}: no document with a label beside it", file=sys.stderr)
        return EXIT_ERROR
    report = score_documents(documents)
    shown = {"dev": {"dev", "seeds"}, "all": {"dev", "holdout", "seeds"}, "none": set()}[
        args.misses
    ]
    print(render_report(report, shown))
    return EXIT_OK


def _broadcast_and_stats(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    broadcast = sub.add_parser(
        "broadcast", help="a message to subscribers: pre-flight, then --yes to send"
    )
    broadcast.add_argument(
        "action", nargs="*", metavar="status [ID] | cancel ID", help="follow or stop one"
    )
    broadcast.add_argument("--fr", metavar="TEXT", help="the French text")
    broadcast.add_argument("--ar", metavar="TEXT", help="the Arabic text")
    broadcast.add_argument("--region", action="append", default=[], help="id or name; repeat")
    broadcast.add_argument("--theme", action="append", default=[], help="id or name; repeat")
    broadcast.add_argument("--lang", choices=("fr", "ar"), help="only subscribers in it")
    broadcast.add_argument("--channel", choices=("telegram", "whatsapp"))
    broadcast.add_argument("--dry-run", action="store_true", help="the pre-flight only")
    broadcast.add_argument("--yes", action="store_true", help="send after the pre-flight")
    stats = sub.add_parser("stats", help="subscribers, arrivals, departures, deliveries")
    stats.add_argument("--json", action="store_true")
    stats.add_argument("--chart", type=Path, metavar="FILE.png", help="write the chart")
    stats.add_argument("--lang", choices=("fr", "ar"), default="fr", help="of the text")
    for command in (broadcast, stats):
        _common(command)


async def _broadcast(args: argparse.Namespace, deps: Deps) -> int:
    if args.action:
        return await _broadcast_follow(args, deps)
    pairs = (("fr", args.fr), ("ar", args.ar))
    texts = {lang: text.strip() for lang, text in pairs if text and text.strip()}
    if not texts:
        print("error: give --fr TEXT and/or --ar TEXT", file=sys.stderr)
        return EXIT_USAGE
    try:
        audience = staff_broadcast.audience_from_names(
            args.region, args.theme, args.lang, args.channel
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    now, rules = deps.clock.now(), staff_broadcast.send_rules(deps)
    found = await broadcast_store.preflight(deps.db, audience, rules.reach(now))
    print(staff_broadcast.preflight_text("fr", audience, found, rules, now))
    if args.dry_run or not args.yes:
        print("dry run: nothing sent" if args.dry_run else "nothing sent: add --yes to send")
        return EXIT_OK
    if not found.receiving:
        print("error: nobody would receive it; nothing sent", file=sys.stderr)
        return EXIT_ERROR
    broadcast_id, found = await staff_broadcast.start_broadcast(
        deps, None, "cli", texts, audience, now
    )
    print(f"broadcast {broadcast_id}: {found.receiving} message(s) queued")
    return EXIT_OK


async def _broadcast_follow(args: argparse.Namespace, deps: Deps) -> int:
    """`broadcast status [ID]` (the latest without ID) and `broadcast cancel ID`."""
    verb, *rest = args.action
    number = int(rest[0]) if len(rest) == 1 and rest[0].isdigit() else None
    if verb not in ("status", "cancel") or len(rest) > 1 or (verb == "cancel" and not number):
        print("error: broadcast status [ID] | broadcast cancel ID", file=sys.stderr)
        return EXIT_USAGE
    now = deps.clock.now()
    if number is None:
        latest = await broadcast_store.latest(deps.db, 1)
        if not latest:
            print("no broadcast yet")
            return EXIT_OK
        number = latest[0].id
    if verb == "cancel":
        cancelled = await broadcast_store.cancel(deps.db, number, now)
        if cancelled is not None:
            print(f"broadcast {number} cancelled: {cancelled} pending message(s) skipped")
            return EXIT_OK
    text, _ = await staff_broadcast.status_text(deps, number, "fr", now)
    if text is None:
        print(f"error: no broadcast {number}", file=sys.stderr)
        return EXIT_ERROR
    if verb == "cancel":
        print(f"error: broadcast {number} is not sending any more", file=sys.stderr)
    print(text)
    return EXIT_OK if verb == "status" else EXIT_ERROR


async def _stats(args: argparse.Namespace, deps: Deps) -> int:
    snap = await staff_stats.snapshot(deps.db, deps.clock.now())
    if args.chart:
        args.chart.write_bytes(await staff_stats.chart_png(snap))
        print(f"chart written to {args.chart}", file=sys.stderr)
    if args.json:
        print(json.dumps(snap.to_json(), ensure_ascii=False, indent=2))
    else:
        print(staff_stats.stats_text(snap, args.lang))
    return EXIT_OK


# --- end of broadcast and stats --------------------------------------------------------------


# The demo catalog is real calls from 2016 to 2025: on today's clock all of them are
# closed, so the demo console starts on a day when two of them are open (and says so).
DEMO_NOW = "2024-01-03T10:00"


def _clock(args: argparse.Namespace) -> Clock:
    if args.now:
        return StartedClock(parse_now(args.now))
    if _demo_console(args):
        return StartedClock(parse_now(DEMO_NOW))
    return SystemClock()


def _demo_console(args: argparse.Namespace) -> bool:
    """`chat --demo` without `--now`: the console on the demo clock."""
    return args.command == "chat" and getattr(args, "demo", False) and not args.now


async def _chat(args: argparse.Namespace, deps: Deps) -> int:
    if args.demo:
        await load_demo(deps.db, deps.clock)
    if args.jsonl:
        await console.run_jsonl(deps, sys.stdin, sys.stdout)
    else:
        if _demo_console(args):
            print(console.demo_clock_banner(deps.clock.now()))
        await console.run_interactive(deps, args.user)
    return EXIT_OK


async def _run(args: argparse.Namespace, deps: Deps) -> int:
    from bot.runner import run_bot  # imports python-telegram-bot: only when running

    if args.demo:
        await load_demo(deps.db, deps.clock)
    return await run_bot(args.settings, deps)


def _print_call_text(call: Call, deps: Deps, published: bool) -> None:
    data = call.to_json(deps.clock.now())
    state = "published" if published else "draft"
    print(f"{call.id}  [{data['status']}, {state}]  {call.title}")
    for key in ("organization", "reference", "kind", "deadline", "regions", "themes"):
        print(f"  {key}: {data[key]}")


async def _calls(args: argparse.Namespace, deps: Deps) -> int:
    handler = {
        "list": _calls_list,
        "show": _calls_show,
        "import": _calls_import,
        "publish": _calls_publish,
        "close": _calls_close,
        "extend": _calls_extend,
        "withdraw": _calls_withdraw,
    }[args.action]
    return await handler(args, deps)


async def _calls_list(args: argparse.Namespace, deps: Deps) -> int:
    if args.demo:
        await load_demo(deps.db, deps.clock)
    calls = await call_store.all_calls(deps.db, include_drafts=args.drafts)
    now = deps.clock.now()
    if args.json:
        print(json.dumps([c.to_json(now) for c in calls], ensure_ascii=False, indent=2))
        return EXIT_OK
    for call in calls:
        print(f"{call.id}  [{call.status(now)}]  {call.deadline or '-'}  {call.title[:70]}")
    return EXIT_OK


async def _calls_show(args: argparse.Namespace, deps: Deps) -> int:
    call = await call_store.get_call(deps.db, args.id, include_drafts=True)
    if call is None:
        print(f"no call with id {args.id!r}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        print(json.dumps(call.to_json(deps.clock.now()), ensure_ascii=False, indent=2))
    else:
        published = bool(await call_store.is_published(deps.db, call.id))
        _print_call_text(call, deps, published)
    return EXIT_OK


async def _calls_import(args: argparse.Namespace, deps: Deps) -> int:
    # Read and extract everything first: one unreadable file stores nothing at all.
    calls: list[Call] = []
    failed = False
    for path in args.files:
        try:
            calls.append(extract_call(read_document(path), source_name=path.name))
        except IngestError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed = True
    if failed:
        return EXIT_ERROR
    now = deps.clock.now()
    for call in calls:
        was_published = await call_store.is_published(deps.db, call.id)
        await call_store.save_call(
            deps.db, call, published=args.publish or bool(was_published), now=now
        )
    if args.json:
        payload = [c.to_json(now) for c in calls]
        print(
            json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=2)
        )
    else:
        for call in calls:
            state = "published" if args.publish else "draft (publish with: calls publish ID)"
            print(f"imported {call.id}: {state}")
    return EXIT_OK


async def _calls_publish(args: argparse.Namespace, deps: Deps) -> int:
    if not await call_store.set_published(deps.db, args.id, True, deps.clock.now()):
        print(f"no call with id {args.id!r}", file=sys.stderr)
        return EXIT_ERROR
    print(f"published {args.id}")
    return EXIT_OK


async def _calls_close(args: argparse.Namespace, deps: Deps) -> int:
    call = await call_store.get_call(deps.db, args.id, include_drafts=True)
    if call is None:
        print(f"no call with id {args.id!r}", file=sys.stderr)
        return EXIT_ERROR
    await staff_calls.close(deps.db, call, deps.clock.now())
    print(f"closed {args.id}")
    return EXIT_OK


_COMMANDS = {
    "chat": _chat,
    "run": _run,
    "calls": _calls,
    "broadcast": _broadcast,
    "stats": _stats,
}


async def _main(args: argparse.Namespace, settings: Settings) -> int:
    args.settings = settings
    async with open_deps(
        settings,
        _clock(args),
        args.db,
        default_lang=getattr(args, "lang", None),
        console_staff=getattr(args, "staff", None) or [],
    ) as deps:
        return await _COMMANDS[args.command](args, deps)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "corpus":  # no store, no settings: documents and labels only
        return _corpus_score(args)
    if args.command == "nlu":  # the training file and case files only
        return _nlu_command(args)
    try:
        settings = Settings.load()
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    # Logs go to stderr: stdout belongs to answers (and to `chat --jsonl`).
    logging.basicConfig(
        stream=sys.stderr,
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # At DEBUG these libraries log SQL parameters and request URLs: phone numbers, chat
    # ids, message text, the bot token. Personal data never goes to the logs in clear.
    logging.getLogger("aiosqlite").setLevel(logging.INFO)
    for noisy in ("httpx", "httpcore", "twilio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        args.now and parse_now(args.now)
    except ValueError:
        print(f"error: --now {args.now!r} is not an ISO 8601 date-time", file=sys.stderr)
        return EXIT_USAGE
    try:
        return asyncio.run(_main(args, settings))
    except KeyboardInterrupt:
        return EXIT_OK
    except BrokenPipeError:
        # Output piped into `head` and the like: the reader left, nothing to report.
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

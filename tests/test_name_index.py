"""The call-name index updates the calls that changed instead of rebuilding itself."""

from __future__ import annotations

import dataclasses

from handlers.deps import Deps
from handlers.understand.callnames import NameIndex, NameIndexCache
from store import calls as call_store
from store.db import Database
from store.models import Call


def _call(call_id: str, organization: str, title: str, aliases: list[str]) -> Call:
    return Call(id=call_id, title=title, organization=organization, aliases=aliases)


async def _full(db: Database) -> NameIndex:
    version = await call_store.catalog_version(db)
    return NameIndex.build(version, await call_store.name_rows(db))


def _same(a: NameIndex, b: NameIndex) -> None:
    assert a.version == b.version
    assert {k: sorted(v) for k, v in a.names.items()} == {k: sorted(v) for k, v in b.names.items()}
    assert a.fuzzy_vocab == b.fuzzy_vocab


async def test_publish_update_withdraw_are_incremental_and_equal_a_rebuild(deps: Deps) -> None:
    db, now = deps.db, deps.clock.now()
    cache = NameIndexCache()
    before = await cache.get(db)
    assert before.match("Enabel", frozenset())

    new = _call("tafra-guide-2025", "Association Tafra (TAFRA)", "Guide", ["TAFRA"])
    await call_store.save_call(db, new, published=True, now=now)
    index = await cache.get(db)
    assert index is before  # updated in place, not rebuilt
    assert index.match("tafra", frozenset())[0][0] == "tafra-guide-2025"
    assert index.match("tafraa", frozenset())[0][0] == "tafra-guide-2025"  # a typo
    _same(index, await _full(db))

    renamed = dataclasses.replace(new, organization="Fondation Amal", aliases=["AMAL"])
    await call_store.save_call(db, renamed, published=True, now=now)
    index = await cache.get(db)
    assert not [c for c, _ in index.match("tafra", frozenset()) if c == "tafra-guide-2025"]
    assert index.match("amal", frozenset())[0][0] == "tafra-guide-2025"
    _same(index, await _full(db))

    await call_store.set_published(db, "tafra-guide-2025", False, now)
    index = await cache.get(db)
    assert not index.match("amal", frozenset())
    _same(index, await _full(db))


async def test_a_cache_older_than_the_kept_changes_rebuilds(deps: Deps) -> None:
    cache = NameIndexCache()
    first = await cache.get(deps.db)
    new = _call("amal-2025", "Fondation Amal", "Prix Amal", ["AMAL"])
    await call_store.save_call(deps.db, new, published=True, now=deps.clock.now())
    # Only the latest changes are kept: a cache that missed the pruned ones rebuilds.
    await deps.db.execute("DELETE FROM catalog_changes")
    index = await cache.get(deps.db)
    assert index is not first
    assert index.match("amal", frozenset())[0][0] == "amal-2025"
    _same(index, await _full(deps.db))


def test_a_latin_name_written_in_arabic_letters_names_its_call() -> None:
    rows = [
        ("remacto-call", "remacto", 3.0),
        ("enabel-call", "enabel", 3.0),
        ("pagof-call", "pagof", 3.0),
    ]
    index = NameIndex.build(1, rows)
    assert index.match("متى ورشة ريماكتو؟", frozenset())[0][0] == "remacto-call"
    assert index.match("الوثائق ديال إينابل", frozenset())[0][0] == "enabel-call"
    assert index.match("عرض باغوف", frozenset())[0][0] == "pagof-call"
    # Arabic words that only share two consonants, or none, name nothing.
    assert index.match("شنو هي الوثائق المطلوبة", frozenset()) == []
    # An update keeps the skeletons in step with the names.
    index.update(2, ["enabel-call"], [])
    assert index.match("إينابل", frozenset()) == []

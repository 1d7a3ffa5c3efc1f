"""Which call a message names: organisation, acronym, reference, title words, typos.

The index is built from the store's `call_names` rows and cached until the catalog
version changes, so a call published from the command line is found by the running bot.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from store import calls as call_store
from store.db import Database
from store.text import has_arabic, tokens

# A call named only by one title word is a weak match: enough for a question about a
# call ("la date limite pour l'atelier de réseautage ?"), not to hijack a listing.
STRONG_MATCH = 2.0
# Typos are forgiven in names and name words, not in title words.
FUZZY_MIN_WEIGHT = 1.5
_FUZZY_CUTOFF = 80.0
_MAX_NGRAM = 6
_MAX_SHARED = 50


NameRow = tuple[str, str, float]  # (call id, name, weight)
# Past this many changed calls, rebuilding is as quick as updating (a bulk load).
_MAX_INCREMENTAL = 500


@dataclass
class NameIndex:
    version: int = -1
    # name (folded words joined by one space) -> [(call id, weight)]
    names: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    # single-word names of organisations and aliases, for typo matching
    fuzzy_vocab: list[str] = field(default_factory=list)
    # call id -> its names, so that one call can be taken out when it changes
    by_call: dict[str, list[str]] = field(default_factory=dict)
    # consonant skeleton of each fuzzy name -> those names: «إينابل» is Enabel
    skeletons: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, version: int, rows: list[NameRow]) -> NameIndex:
        index = cls(version=version)
        index._add_rows(rows)
        index.fuzzy_vocab = sorted(n for n in index.names if _fuzzy_name(n, index.names[n]))
        index.skeletons = _skeleton_index(index.fuzzy_vocab)
        return index

    def update(self, version: int, call_ids: list[str], rows: list[NameRow]) -> None:
        """Replace the names of `call_ids` by `rows` (theirs, published calls only)."""
        touched: set[str] = set()
        for call_id in call_ids:
            for key in self.by_call.pop(call_id, []):
                hits = [hit for hit in self.names.get(key, []) if hit[0] != call_id]
                if hits:
                    self.names[key] = hits
                else:
                    self.names.pop(key, None)
                touched.add(key)
        touched |= self._add_rows(rows)
        vocab = set(self.fuzzy_vocab) - touched
        vocab |= {n for n in touched if n in self.names and _fuzzy_name(n, self.names[n])}
        self.fuzzy_vocab = sorted(vocab)
        self.skeletons = _skeleton_index(self.fuzzy_vocab)
        self.version = version

    def _add_rows(self, rows: list[NameRow]) -> set[str]:
        added: set[str] = set()
        for call_id, name, weight in rows:
            key = " ".join(tokens(name))
            if key:
                self.names.setdefault(key, []).append((call_id, weight))
                self.by_call.setdefault(call_id, []).append(key)
                added.add(key)
        return added

    def match(self, text: str, known_words: frozenset[str]) -> list[tuple[str, float]]:
        """Calls named in `text`, best first, with their scores."""
        words = tokens(text)
        scores: dict[str, float] = defaultdict(float)
        matched: set[int] = set()
        for size in range(min(_MAX_NGRAM, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                span = set(range(start, start + size))
                if span & matched:
                    continue
                hits = self.names.get(" ".join(words[start : start + size]))
                if hits:
                    matched |= span
                    _add(scores, hits)
        for position, word in enumerate(words):
            if position not in matched and len(word) >= 4 and word not in known_words:
                self._fuzzy(word, scores)
                self._across_scripts(word, scores)
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))

    def _fuzzy(self, word: str, scores: dict[str, float]) -> None:
        best = process.extractOne(
            word, self.fuzzy_vocab, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
        )
        if best:
            _add(scores, self.names[best[0]])


    def _across_scripts(self, word: str, scores: dict[str, float]) -> None:
        """A Latin name written in Arabic letters («ريماكتو», «باغوف»): same consonants."""
        if not has_arabic(word):
            return
        for name in self.skeletons.get(arabic_skeleton(word), []):
            _add(scores, self.names[name])


def _skeleton_index(vocab: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for name in vocab:
        skeleton = latin_skeleton(name)
        if len(skeleton) >= _MIN_SKELETON:
            found[skeleton].append(name)
    return dict(found)


# Consonants as both scripts write them (vowels, h, w and y dropped: Arabic writes the
# long ones only, French the silent h). Three consonants at least, or names collide.
_MIN_SKELETON = 3
_LATIN_SOUNDS = (("ph", "f"), ("ch", "s"), ("ck", "k"), ("qu", "k"), ("x", "ks"))
_LATIN_LETTERS = str.maketrans({"c": "k", "q": "k", "p": "b", "v": "f", "z": "s", "g": "j"})
_ARABIC_LETTERS = str.maketrans(
    {
        "ب": "b", "ت": "t", "ث": "t", "ج": "j", "د": "d", "ذ": "d", "ر": "r", "ز": "s",
        "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "s", "غ": "j", "ڭ": "j",
        "ف": "f", "ڤ": "f", "ق": "k", "ك": "k", "خ": "k", "ل": "l", "م": "m", "ن": "n",
        "پ": "b", "گ": "j",
    }
)  # fmt: skip


def latin_skeleton(word: str) -> str:
    for sound, letter in _LATIN_SOUNDS:
        word = word.replace(sound, letter)
    word = word.translate(_LATIN_LETTERS)
    return "".join(ch for ch in word if ch in "bdfjklmnrst")


def arabic_skeleton(word: str) -> str:
    word = word[2:] if word.startswith("ال") and len(word) > 4 else word  # the article
    return "".join(ch for ch in word.translate(_ARABIC_LETTERS) if ch in "bdfjklmnrst")


def _add(scores: dict[str, float], hits: list[tuple[str, float]]) -> None:
    # A name shared by many calls ("france", "maroc") says little about any one of them,
    # and one shared by very many says nothing: skipping it also keeps long messages fast.
    if len(hits) > _MAX_SHARED:
        return
    share = 1.0 / len(hits)
    for call_id, weight in hits:
        scores[call_id] += weight * max(share, 0.25) if len(hits) <= 4 else weight * 0.1


class NameIndexCache:
    """Holds the current NameIndex; reloads it when the store's catalog version moves."""

    def __init__(self) -> None:
        self._index = NameIndex()

    async def get(self, db: Database) -> NameIndex:
        version = await call_store.catalog_version(db)
        if version == self._index.version:
            return self._index
        changed = None
        if self._index.version >= 0:
            changed = await call_store.changed_since(db, self._index.version)
        if changed is not None and len(changed) <= _MAX_INCREMENTAL:
            # A publish or a correction: update those calls only (milliseconds).
            rows = await call_store.name_rows_of(db, changed) if changed else []
            self._index.update(version, changed, rows)
        else:
            self._index = NameIndex.build(version, await call_store.name_rows(db))
        return self._index


def _fuzzy_name(name: str, hits: list[tuple[str, float]]) -> bool:
    """Typos are matched against organisation words and acronyms only: references
    ("abc/2024/123") are typed exactly or not at all, and would swamp the list."""
    return (
        " " not in name
        and len(name) >= 4
        and not any(ch.isdigit() for ch in name)
        and max(w for _, w in hits) >= FUZZY_MIN_WEIGHT
    )

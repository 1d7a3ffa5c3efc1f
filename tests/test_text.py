"""Folding: the one normalisation shared by indexing and matching."""

from store.text import fold, tokens


def test_french_folding() -> None:
    assert fold("L’appel d'offres ÉLÈVE merciii") == "l appel d offres eleve merci"
    assert fold("Œuvre à Fès") == "oeuvre a fes"


def test_arabic_folding() -> None:
    assert fold("آخِر أجَل للمسابقة") == "اخر اجل للمسابقه"
    assert fold("إلى مدينة") == "الي مدينه"
    assert fold("ﻷ ڭاع ۱۲ ٣") == "لا كاع 12 3"
    assert fold("شكــــرا") == "شكرا"


def test_references_and_digits_survive() -> None:
    assert fold("07/2022/IOT /MAR20000211") == "07/2022/iot /mar20000211"
    assert tokens("Réf. AMUSSU/2024/226") == ["ref", "amussu/2024/226"]

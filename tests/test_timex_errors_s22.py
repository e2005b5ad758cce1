"""The error classes of ``benchmarks/timex_errors.py`` on two small stories written for the test."""

from benchmarks.timex_errors import classify


def _doc(doc_id: str, text: str, *spans: tuple[str, str]) -> dict:
    """A kit-shaped document whose gold annotates each ``(phrase, value)`` at its first occurrence."""
    timexes = []
    for phrase, value in spans:
        start = text.index(phrase)
        timexes.append({"start": start, "end": start + len(phrase), "value": value, "type": "DATE"})
    return {"doc_id": doc_id, "text": text, "timexes": timexes}


def _pred(doc: dict, phrase: str, value: str) -> tuple[int, int, str]:
    start = doc["text"].index(phrase)
    return start, start + len(phrase), value


def test_each_error_class_read_from_the_gold_itself():
    a = _doc("a", "Shares fell last week. Sales are now higher than in May.", ("last week", "1989-W43"),
             ("now", "PRESENT_REF"), ("May", "1989-05"))
    b = _doc("b", "Talks ended last week. Prices are now lower. Profit rose in recent months.",
             ("last week", "1989-WXX"))
    preds = {
        "a": [_pred(a, "last week", "1989-W43"), _pred(a, "now", "PRESENT_REF"), _pred(a, "May", "1988-05")],
        "b": [_pred(b, "last week", "1989-W43"), _pred(b, "now", "PRESENT_REF")],
    }
    errors = sorted(classify([a, b], preds))
    assert errors == [
        # b's "now" is annotated in a: the gold annotates the phrase once and leaves it once
        ("spurious: annotated elsewhere", "now", "PRESENT_REF"),
        # b's "last week": the gold gives the phrase a week number in a, an unknown week in b
        ("wrong value: our shape elsewhere", "last week", "1989-W43 vs gold 1989-WXX"),
        # a's "May": a month of the same shape as the gold's, counted from another year
        ("wrong value: same shape, other anchor", "may", "1988-05 vs gold 1989-05"),
    ]


def test_a_miss_of_a_phrase_the_gold_always_annotates_is_not_blamed_on_the_gold():
    a = _doc("a", "The plant closed in 1990.", ("1990", "1990"))
    b = _doc("b", "Output doubled in recent years. It was built in recent years too.", ("recent years", "PXY"))
    errors = classify([a, b], {"a": [], "b": []})
    assert ("missed: other", "1990", "gold 1990") in errors
    # "recent years" occurs twice in b and the gold annotates it once
    assert ("missed: left unannotated elsewhere", "recent years", "gold PXY") in errors

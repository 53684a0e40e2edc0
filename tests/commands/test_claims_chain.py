"""`sidebyside claims ARTICLE SOURCE… --json`: each claim's chain of attributions, from
the article through the wire story to the report the wire names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sidebyside.cli import main
from sidebyside.core.importers import import_file

ARTICLE = """# Valley floods

Flooding in the Tarsel valley displaced thousands this spring.

At least 4,200 families were forced from their homes in the Tarsel valley,
Meridian Press reported on Tuesday.

Officials said relief convoys would arrive within the week.
"""

WIRE = """---
title: Thousands flee Tarsel floods
publisher: Meridian Press
date: 2026-04-14
---

TARSEL (Meridian Press) - Aid workers struggled to reach villages cut off by water.

At least 4,200 families were forced from their homes across the valley, according
to a report by the Halden Rights Observatory published on Monday.
"""

REPORT = """---
title: Tarsel valley displacement
publisher: Halden Rights Observatory
date: 2026-04-13
---

Situation report on the Tarsel valley

Our field teams recorded that at least 4,200 families were forced from their homes
in the Tarsel valley between 2 and 9 April.
"""


def test_each_claim_has_its_chain_with_passages_and_the_names_that_cite_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    for name, text in (("article.md", ARTICLE), ("wire.md", WIRE), ("report.md", REPORT)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    article, wire, report = paths
    assert main(["claims", *map(str, paths), "--json"]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    floods = next(claim for claim in claims if "4,200" in claim["text"])
    chain = floods["chain"]
    assert [step["document"] for step in chain] == [str(article), str(wire), str(report)]
    assert [step["via"] for step in chain] == [None, "Meridian Press", "Halden Rights Observatory"]
    assert (chain[0]["start"], chain[0]["end"]) == (floods["start"], floods["end"])
    wire_text, report_text = import_file(wire).text, import_file(report).text
    assert "according to a report" in wire_text[chain[1]["start"] : chain[1]["end"]]
    assert "field teams recorded" in report_text[chain[2]["start"] : chain[2]["end"]]
    cited = chain[2]["cited_at"]  # where the wire names the report
    assert wire_text[cited["start"] : cited["end"]] == "Halden Rights Observatory"
    assert floods["links"] == []  # the other fields stay as they were
    quiet = next(claim for claim in claims if claim["text"].startswith("Officials"))
    assert quiet["chain"] == []

"""`sidebyside align ARTICLE SOURCE… [--claim TEXT]… [--claims-file FILE] [--top N] [--json]`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sidebyside.cli import main
from sidebyside.commands.align import locate

ARTICLE = """# Murky accounts at Port Veltmar

Brannock Marine Works won the contract to deepen Port Veltmar's main channel in March 2022.

The chief executive says the deeper channel will let ships of 12,000 containers call at the port.

The harbour master has since resigned and left the country.
"""
AUDIT = """The audit office reviewed the contract awarded in March 2022 to Brannock Marine Works \
for deepening the main shipping channel of Port Veltmar. The contract was signed for 48.5 \
million crowns.

Nine variation orders were approved by the harbour master alone.
"""
COURIER = """The company's chief executive, Maren Holloway, said the deeper channel would allow \
vessels of up to 9,000 containers to call at the port.
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "article": tmp_path / "article.md",
        "audit": tmp_path / "audit.txt",
        "courier": tmp_path / "courier.txt",
    }
    paths["article"].write_text(ARTICLE, encoding="utf-8")
    paths["audit"].write_text(AUDIT, encoding="utf-8")
    paths["courier"].write_text(COURIER, encoding="utf-8")
    return paths


def run_json(capsys: pytest.CaptureFixture[str], *arguments: str) -> dict[str, object]:
    assert main(["align", *arguments, "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_given_claims_are_located_and_matched(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    claim = "The chief executive says the deeper channel will let ships of 12,000 containers call"
    result = run_json(
        capsys,
        str(files["article"]),
        str(files["audit"]),
        str(files["courier"]),
        "--claim",
        claim,
        "--claim",
        "A claim that the article never makes about seabirds.",
    )
    first, second = result["claims"]  # type: ignore[misc]
    article_text = ARTICLE.split("\n\n", 1)[1]
    assert first["text"] == claim
    assert isinstance(first["start"], int) and first["end"] - first["start"] == len(claim)
    match = first["matches"][0]
    assert match["source"] == str(files["courier"])
    assert set(match) == {
        "source",
        "start",
        "end",
        "text",
        "score",
        "reasons",
        "support",
        "differences",
    }
    assert match["support"] == "contradicts"  # the figure the source gives is another
    assert first["suggested_verdict"] == "contradicted"
    assert match["text"].startswith("The company's chief executive")
    assert {"kind": "number"}.items() <= match["differences"][0].items()
    assert match["differences"][0]["explanation"] == (
        "The article says 12,000; the source says up to 9,000."
    )
    assert second["start"] is None and second["end"] is None
    assert second["matches"] == []
    assert claim in article_text


def test_claims_file_and_top(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    claims = tmp_path / "claims.txt"
    claims.write_text(
        "Brannock Marine Works won the contract to deepen the channel in March 2022.\n\n"
        "The harbour master has since resigned and left the country.\n",
        encoding="utf-8",
    )
    result = run_json(
        capsys,
        str(files["article"]),
        str(files["audit"]),
        str(files["courier"]),
        "--claims-file",
        str(claims),
        "--top",
        "1",
    )
    found, partial = result["claims"]  # type: ignore[misc]
    assert [m["source"] for m in found["matches"]] == [str(files["audit"])]  # one per source
    assert found["suggested_verdict"] == "supported"
    # recall first: the audit's harbour-master passage is shown, and it is not called support
    (passage,) = partial["matches"]
    assert passage["text"].startswith("Nine variation orders")
    assert passage["support"] != "supports"
    assert any("resigned" in d["explanation"] for d in passage["differences"])


def test_suggested_claims_when_none_are_given(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_json(capsys, str(files["article"]), str(files["audit"]), str(files["courier"]))
    claims = result["claims"]
    assert isinstance(claims, list) and claims
    texts = [claim["text"] for claim in claims]
    assert any("12,000 containers" in text for text in texts)
    for claim in claims:
        assert isinstance(claim["start"], int) and claim["end"] > claim["start"]


def test_text_output(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "align",
                str(files["article"]),
                str(files["audit"]),
                "--claim",
                "Seabirds nest on the cliffs above the town every spring.",
            ]
        )
        == 0
    )
    assert "nothing in the attached sources bears on it" in capsys.readouterr().out


def test_missing_source_is_a_readable_error(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["align", str(files["article"]), str(tmp_path / "nowhere.txt")]) == 2
    assert "nowhere.txt" in capsys.readouterr().err


def test_missing_claims_file_is_a_readable_error(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    arguments = [str(files["article"]), str(files["audit"]), "--claims-file", str(tmp_path / "x")]
    assert main(["align", *arguments]) == 2
    assert "claims file" in capsys.readouterr().err


def test_locate_tolerates_spacing_and_case() -> None:
    assert locate("One  Two\nthree four", "one two three") == (0, 14)
    assert locate("abc", "zzz") is None


def test_several_processes_give_the_same_answer(tmp_path: Path) -> None:
    """Twenty sources and 120 claims pass the thresholds for forked workers; run in a fresh
    interpreter, since forking the test process (Qt loaded) is not safe."""
    import subprocess
    import sys

    sources = []
    for number in range(20):
        path = tmp_path / f"source-{number:02}.txt"
        path.write_text(
            f"Report {number} says the port paid {number * 7 + 3} million crowns for dredging. "
            f"Inspectors found {number + 2} faults in the lock gates of dock {number}.\n\n"
            f"The harbour master of dock {number} approved {number + 5} changes alone.\n",
            encoding="utf-8",
        )
        sources.append(str(path))
    claims = tmp_path / "claims.txt"
    claims.write_text(
        "\n".join(
            f"Dock {n % 20} had {n % 9 + 2} faults in its lock gates, inspectors said."
            for n in range(120)
        ),
        encoding="utf-8",
    )
    article = tmp_path / "article.txt"
    article.write_text("Faults at the docks.\n", encoding="utf-8")
    outputs = []
    for jobs in ("2", "1"):
        done = subprocess.run(
            [sys.executable, "-m", "sidebyside", "align", str(article), *sources,
             "--claims-file", str(claims), "--json", "--jobs", jobs],
            capture_output=True, check=True, text=True,
        )  # fmt: skip
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]["claims"]) == 120
    assert all(claim["matches"] for claim in outputs[0]["claims"])

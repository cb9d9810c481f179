"""search, network and trend on the seeds: exact rows, graph files read back, bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from newscorpus.cli import app

runner = CliRunner()
NO_ONE = "Error: no actor called 'لا أحد'; `newscorpus actors` lists them\n"


def _run(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


def _json(db: Path, *args: str) -> object:
    code, out, err = _run(db, *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_search_a_phrase_in_context(seeded_db: Path) -> None:
    hits = _json(seeded_db, "search", '"كوريا الشمالية"', "--limit", "3", "--context", "3")
    assert [(h["document"], h["paragraph"], h["kind"], h["before"], h["match"], h["after"])
            for h in hits] == [
        (1, 0, "heading", "التحالف بين روسيا", "وكوريا الشمالية", ""),
        (1, 11, "body", "من جانبها، أكدت", "كوريا الشمالية", "أن أي نشر"),
        (1, 13, "body", "وأوضح أن «", "كوريا الشمالية", "ليست سوى ديكتاتورية"),
    ]  # fmt: skip
    assert [(h["start"], h["end"]) for h in hits] == [(52, 67), (1123, 1137), (1424, 1438)]


def test_search_csv_and_prefix(seeded_db: Path) -> None:
    code, out, _ = _run(seeded_db, "search", "بيونغ*", "-n", "2", "-c", "2", "--format", "csv")
    assert code == 0
    assert out.splitlines() == [
        "document,date,before,match,after",
        "1,,بين موسكو,وبيونغ,يانغ، واحتمال",
        "1,,عن انخراط,بيونغ,يانغ في",
    ]


def test_search_table_shows_the_match(seeded_db: Path) -> None:
    code, out, _ = _run(seeded_db, "search", "بيونغ*", "-n", "1")
    assert code == 0 and "وبيونغ" in out and "before" in out


def test_search_for_an_actor_under_all_its_names(seeded_db: Path) -> None:
    hits = _json(seeded_db, "search", "--actor", "بوتين", "--limit", "0")
    assert {h["match"] for h in hits} == {"فلاديمير بوتين", "بوتين"}
    actor = _json(seeded_db, "actor", "بوتين")
    assert len(hits) == actor["mentions"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("args", "code", "stderr"),
    [
        (["search", "زززز"], 0, "(nothing found)\n"),
        (["search", "NOT روسيا"], 1, "Error: NOT needs a word before it: 'NOT روسيا'\n"),
        (["search"], 1, "Error: give a query, or --actor NAME\n"),
        (["search", "--actor", "لا أحد"], 1, NO_ONE),
        (["search", "روسيا", "--since", "24-01"], 2, None),
        (["network", "--actor", "لا أحد"], 1, NO_ONE),
        (["network", "--min-weight", "1000"], 0, "(nothing found)\n"),
        (["trend", "زززز"], 0, "زززز: nothing found\n"),
        (["trend", "NOT روسيا", "--search"], 1, "Error: NOT needs a word before it: 'NOT روسيا'\n"),
    ],
)  # fmt: skip
def test_bad_queries_and_empty_results(
    seeded_db: Path, args: list[str], code: int, stderr: str | None
) -> None:
    got_code, out, err = _run(seeded_db, *args)
    assert got_code == code
    if stderr is not None:
        assert err == stderr
    if code:
        assert out == ""


def test_network_pairs(seeded_db: Path) -> None:
    edges = _json(seeded_db, "network", "--top", "3")
    assert [(e["source"], e["target"], e["weight"]) for e in edges] == [
        ("روسيا", "كوريا الشمالية", 32),
        ("كوريا الشمالية", "دونالد ترامب", 17),
        ("كوريا الشمالية", "كيم جونغ أون", 15),
    ]
    first = edges[0]
    assert 0 < first["dice"] <= 1 and isinstance(first["pmi"], float)


def test_ego_network_holds_the_actor_in_every_spoke(seeded_db: Path) -> None:
    edges = _json(seeded_db, "network", "--actor", "بوتين", "--top", "3")
    spokes = [e for e in edges if "فلاديمير بوتين" in (e["source"], e["target"])]
    assert len(spokes) == 3
    assert [s["weight"] for s in spokes] == sorted((s["weight"] for s in spokes), reverse=True)
    others = {e["source"] for e in spokes} | {e["target"] for e in spokes}
    assert all(e["source"] in others and e["target"] in others for e in edges)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_read_back_with_the_same_nodes_and_weights(seeded_db: Path, fmt: str) -> None:
    edges = _json(seeded_db, "network", "--top", "20", "--type", "person", "--type", "place")
    code, out, _ = _run(seeded_db, "network", "--top", "20", "-t", "person", "-t", "place",
                        "--format", fmt)  # fmt: skip
    assert code == 0
    data = io.BytesIO(out.encode("utf-8"))
    graph = nx.read_graphml(data) if fmt == "graphml" else nx.read_gexf(data)
    labels = {n: d["label"] for n, d in graph.nodes(data=True)}
    read_back = {
        (frozenset((labels[a], labels[b])), int(d["weight"])) for a, b, d in graph.edges(data=True)
    }
    assert read_back == {
        (frozenset((e["source"], e["target"])), e["weight"])  # type: ignore[index]
        for e in edges  # type: ignore[union-attr]
    }
    assert graph.number_of_edges() == len(edges) > 10  # type: ignore[arg-type]
    assert {d["type"] for _, d in graph.nodes(data=True)} <= {"person", "place"}


def test_trend_series_by_year(seeded_db: Path) -> None:
    (series,) = _json(seeded_db, "trend", "روسيا", "--by", "year")  # type: ignore[misc]
    assert (series["name"], series["kind"], series["total"], series["undated"]) == (
        "روسيا", "actor", 51, 36,
    )  # fmt: skip
    assert series["points"] == [
        {"period": "2023", "count": 14, "documents": 1},
        {"period": "2024", "count": 1, "documents": 1},
    ]


def test_trend_table_and_csv(seeded_db: Path) -> None:
    code, out, err = _run(seeded_db, "trend", "روسيا", "كوريا الشمالية", "--by", "year")
    assert code == 0 and "█" in out and "كوريا الشمالية" in out
    assert "روسيا: 36 mentions in documents without a publication date" in err
    code, out, _ = _run(seeded_db, "trend", "روسيا", "--by", "year", "--format", "csv")
    assert out.splitlines() == [
        "name,kind,unit,period,count,documents",
        "روسيا,actor,mentions,2023,14,1",
        "روسيا,actor,mentions,2024,1,1",
    ]

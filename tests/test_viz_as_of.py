"""`hkweb3 viz --as-of DATE`: the page opens at that date, in Chromium, and the address can
still choose another date (or all dates, which a reload keeps)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from hkweb3 import api
from hkweb3.cli import cli
from tests.viz_support import open_graph


def page_block(path: Path) -> dict:
    html = path.read_text(encoding="utf-8")
    return json.loads(html.split('id="hkweb3-page">', 1)[1].split("</script>", 1)[0])


@pytest.fixture(scope="module")
def dated_page(built, home, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("viz") / "hk-2022.html"
    result = CliRunner().invoke(cli, ["viz", "--as-of", "2022-06-30", "--out", str(out)],
                                env={"HKWEB3_HOME": str(home.path)})
    assert result.exit_code == 0, result.output
    return out


def test_the_page_opens_at_the_date_with_later_licences_faded(browser, dated_page):
    data = page_block(dated_page)
    assert data["startDate"] == "2022-06-30"
    licences = {eid: d["start"] for eid, d in data["details"]["edges"].items()
                if d["type"] == "LICENSED_BY"}
    later = {eid for eid, start in licences.items() if start is None or start >= "2023-01-01"}
    earlier = {eid for eid, start in licences.items() if start and start <= "2022-06-30"}
    assert later and earlier
    watched = open_graph(browser, dated_page)
    assert watched.js("() => hkweb3.state.date") == "2022-06-30"
    assert watched.js("() => document.getElementById('date-label').textContent") \
        == "as of 30 Jun 2022"
    faded = set(watched.js("() => hkweb3.state.faded.edges"))
    assert later <= faded and not earlier & faded
    assert "date=2022-06-30" in watched.js("() => location.hash")
    # Every date chosen over the start date: the address says so, and a reload keeps it.
    watched.page.click("#all-dates")
    assert watched.js("() => [hkweb3.state.date, location.hash]") == [None, "#date=all"]
    watched.page.reload()
    watched.wait_for("() => window.hkweb3 && hkweb3.state.drawn")
    assert watched.js("() => [hkweb3.state.date, hkweb3.state.faded.edges.length]") == [None, 0]
    assert watched.errors == [] and watched.stray_requests == []
    watched.page.close()


def test_an_address_with_a_date_wins_over_the_start_date(browser, dated_page):
    watched = open_graph(browser, dated_page, "#date=2024-06-30")
    assert watched.js("() => hkweb3.state.date") == "2024-06-30"
    watched.page.close()


def test_a_page_without_as_of_opens_at_all_dates(built, tmp_path):
    out = api.viz(tmp_path / "all.html", config=built)
    assert page_block(out)["startDate"] is None
    dated = api.viz(tmp_path / "dated.html", as_of=dt.date(2024, 1, 31), config=built)
    assert page_block(dated)["startDate"] == "2024-01-31"

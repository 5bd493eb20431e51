"""`pip install .` ships everything under the one package `hkweb3`, data files included."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_holds_one_package_with_its_data(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
         "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, cwd=tmp_path, timeout=600,
    )
    (wheel,) = tmp_path.glob("hkweb3-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names if ".dist-info/" not in n} == {"hkweb3"}
    for required in ("hkweb3/graph/schema.yaml", "hkweb3/graph/serve.py",
                     "hkweb3/loaders/registry.py", "hkweb3/data/registry/banks.yaml",
                     "hkweb3/graph/analysis/centrality.py", "hkweb3/viz/template.html",
                     "hkweb3/data/judgements.yaml", "hkweb3/graph/review.yaml",
                     "hkweb3/viz/page.js", "hkweb3/viz/page.css"):
        assert required in names
    queries = {n for n in names if n.startswith("hkweb3/queries/") and n.endswith(".cypher")}
    assert queries == {f"hkweb3/queries/{p.name}" for p in (ROOT / "queries").glob("*.cypher")}
    documents = {n for n in names if n.startswith("hkweb3/data/documents/")}
    assert len(documents) == len(list((ROOT / "data" / "documents").iterdir()))

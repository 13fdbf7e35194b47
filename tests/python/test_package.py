"""The package itself (dangyuan/__init__.py): version, exports, stubs, optional pandas."""

import pathlib
import re
import subprocess
import sys
import textwrap

import dangyuan as dy


def test_version_comes_from_the_library():
    assert re.fullmatch(r"\d+\.\d+\.\d+", dy.__version__)


def test_every_public_name_is_exported_and_presents_itself_as_dangyuan():
    assert "open_store" in dy.__all__ and "Store" in dy.__all__ and "Error" in dy.__all__
    for name in dy.__all__:
        obj = getattr(dy, name)
        if isinstance(obj, type):
            assert obj.__module__ == "dangyuan", name


def test_the_type_stub_declares_every_public_name():
    stub = (pathlib.Path(dy.__file__).parent / "__init__.pyi").read_text(encoding="utf-8")
    declared = set(re.findall(r"^(?:class|def)\s+(\w+)|^(\w+)\s*[:=]", stub, re.M))
    names = {a or b for a, b in declared}
    missing = [n for n in dy.__all__ if n not in names]
    assert not missing, f"add these names to dangyuan/__init__.pyi: {missing}"


def test_the_package_is_typed():
    assert (pathlib.Path(dy.__file__).parent / "py.typed").exists()


def run_without(modules, code):
    blocker = "import sys\n" + "".join(f"sys.modules[{m!r}] = None\n" for m in modules)
    command = [sys.executable, "-c", blocker + textwrap.dedent(code)]
    return subprocess.run(command, capture_output=True, text=True)


def test_imports_and_works_without_pandas_and_numpy_until_a_table_is_converted():
    result = run_without(["pandas", "numpy"], """
        import datetime as dt
        import dangyuan as dy
        with dy.open_store(":memory:") as s:
            top = s.add_org(name="区委", kind=dy.OrgKind.higher_committee, established=dt.date(1990, 1, 1))
            roster = s.roster()
            assert len(roster) == 0
            try:
                roster.to_pandas()
            except ImportError:
                print("to_pandas needs pandas")
        """)
    assert result.returncode == 0, result.stderr
    assert "to_pandas needs pandas" in result.stdout


def test_every_bound_concept_is_registered_and_has_its_test_file():
    """One bind_<concept>.cpp = one X(<concept>) line in module.cpp + a source line + test_<concept>.py."""
    root = pathlib.Path(__file__).resolve().parents[2]
    bindings = root / "bindings" / "python"
    module = (bindings / "module.cpp").read_text(encoding="utf-8")
    cmake = (bindings / "CMakeLists.txt").read_text(encoding="utf-8")
    concepts = sorted(p.stem[len("bind_"):] for p in bindings.glob("bind_*.cpp"))
    assert concepts
    for concept in concepts:
        assert f"X({concept})" in module, f"module.cpp lacks X({concept})"
        assert f"bind_{concept}.cpp" in cmake, f"CMakeLists.txt lacks bind_{concept}.cpp"
        assert (root / "tests" / "python" / f"test_{concept}.py").exists(), f"no test_{concept}.py"

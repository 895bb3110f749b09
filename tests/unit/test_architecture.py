"""The layering rules, checked on the real import graph.

The core (rm_tui and topic_library, all but rm_tui.app, the command line (rm_tui.entry,
rm_tui.launch and rm_tui.__main__) and rm_tui.web)
never imports Textual, textual-serve or aiohttp, even indirectly, so it runs and is tested
without a terminal; and screens and widgets never import sqlite3 or sqlite-utils
themselves: the database is the core's business.
"""

from __future__ import annotations

import grimp
import pytest

CORE_EXEMPT = {"rm_tui.app", "rm_tui.entry", "rm_tui.launch", "rm_tui.__main__", "rm_tui.web"}


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(
        "rm_tui", "screens", "widgets", "topic_library", include_external_packages=True
    )


def core_modules(graph: grimp.ImportGraph) -> list[str]:
    modules = graph.find_descendants("rm_tui") | {"rm_tui"}
    modules |= graph.find_descendants("topic_library") | {"topic_library"}
    return sorted(modules - CORE_EXEMPT)


@pytest.mark.parametrize("framework", ["textual", "textual_serve", "aiohttp"])
def test_the_core_never_imports_textual(graph: grimp.ImportGraph, framework: str) -> None:
    """Textual, and textual-serve (which runs it on the web), stay out of the core."""
    modules = core_modules(graph)
    assert "rm_tui.store" in modules and "topic_library.loader" in modules
    offenders = [
        m for m in modules if graph.chain_exists(importer=m, imported=framework)
    ]
    assert offenders == []


@pytest.mark.parametrize("forbidden", ["sqlite3", "sqlite_utils"])
def test_screens_and_widgets_never_touch_sqlite(graph: grimp.ImportGraph, forbidden: str) -> None:
    for package in ("screens", "widgets"):
        direct = {
            m for m in graph.find_descendants(package) if graph.direct_import_exists(importer=m, imported=forbidden)
        }
        assert direct == set(), f"{package} imports {forbidden}"


def test_opening_the_app_on_an_up_to_date_database_leaves_sqlite_utils_unloaded(tmp_path) -> None:
    """sqlite-utils (and what it loads) is for upgrades: every start would pay ~60 ms and ~4 MB."""
    import subprocess
    import sys

    from rm_tui.store import Store

    db = tmp_path / "rm.db"
    Store.open(db).close()  # created and migrated here
    probe = (
        "import sys; from rm_tui.app import make_app; "
        f"make_app({str(db)!r}, topics_dir=None); print('sqlite_utils' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_only_serving_loads_the_web_server() -> None:
    """textual-serve and aiohttp are for `rm-tui serve` (rm_tui.web): opening the app never loads them."""
    import subprocess
    import sys

    probe = (
        "import sys; import rm_tui.__main__, rm_tui.app; "
        "print(sorted(m for m in ('rm_tui.web', 'textual_serve', 'aiohttp') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def _due_loading(tmp_path, modules: tuple[str, ...]) -> list[str]:
    """What `rm-tui --db FILE due` prints, then which of `modules` it loaded, in a fresh process."""
    import subprocess
    import sys

    from rm_tui.store import Store

    db = tmp_path / "rm.db"
    Store.open(db).close()  # created and migrated here: a prompt meets an up-to-date file
    probe = (
        "import atexit, sys; "
        f"atexit.register(lambda: print(sorted(m for m in {modules!r} if m in sys.modules))); "
        f"sys.argv = ['rm-tui', '--db', {str(db)!r}, 'due']; "
        "from rm_tui.entry import main; main()"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_due_command_never_loads_the_app_nor_anything_heavy(tmp_path) -> None:
    """`rm-tui due` runs on every shell prompt: never Textual (bench/due.py times it)."""
    heavy = ("textual", "rich", "rm_tui.app", "sqlite_utils", "icalendar", "textual_serve", "aiohttp", "markdown_it")
    assert _due_loading(tmp_path, heavy) == ["nothing due", "[]"]


def test_the_due_command_answers_without_click_the_store_or_the_records(tmp_path) -> None:
    """Those three were most of the 160 ms a prompt waited: a plain `due` takes a glance at the
    file instead (rm_tui.quick_due), and the command line loads only for what it hands back."""
    store_and_cli = ("click", "rm_tui.__main__", "rm_tui.store.store", "rm_tui.models.core", "dataclasses")
    assert _due_loading(tmp_path, store_and_cli) == ["nothing due", "[]"]


def test_the_due_command_loads_no_other_command_nor_the_default_paths_lookup(tmp_path) -> None:
    """`rm-tui --db FILE due` loads its own command alone: the other commands' modules load when
    they run, and platformdirs only when the default database's path is needed."""
    others = ("rm_tui.cli_backup", "rm_tui.cli_encryption", "rm_tui.cli_import", "rm_tui.cli_recap", "platformdirs")
    assert _due_loading(tmp_path, others) == ["nothing due", "[]"]


def test_the_passphrase_check_loads_the_driver_without_the_whole_store() -> None:
    """Every command asks rm_tui.passphrase whether the file is encrypted: that takes the driver
    alone, not every concern's queries (they load with Store, on first use)."""
    import subprocess
    import sys

    probe = "import sys, rm_tui.passphrase; print('rm_tui.store.store' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_screens_and_widgets_use_the_store_only_through_its_face(graph: grimp.ImportGraph) -> None:
    """`from rm_tui.store import Store`: the modules inside the store are its own business."""
    inside = graph.find_descendants("rm_tui.store")
    assert "rm_tui.store.agenda" in inside
    for package in ("screens", "widgets"):
        reaching_in = {
            (importer, imported)
            for importer in graph.find_descendants(package)
            for imported in inside
            if graph.direct_import_exists(importer=importer, imported=imported)
        }
        assert reaching_in == set(), f"{package} imports the store's insides"


def test_every_record_the_store_returns_is_a_model() -> None:
    """Records live in rm_tui.models; the store's modules define none of their own."""
    import dataclasses
    import importlib
    import pkgutil

    import rm_tui.store
    from rm_tui.models import Record

    for info in pkgutil.iter_modules(rm_tui.store.__path__):
        module = importlib.import_module(f"rm_tui.store.{info.name}")
        own = [
            name for name, value in vars(module).items()
            if (dataclasses.is_dataclass(value) or (isinstance(value, type) and issubclass(value, Record)))
            and getattr(value, "__module__", "") == module.__name__
            and not name.startswith("_")  # a module's own bookkeeping, never returned
        ]
        assert own == [], f"rm_tui.store.{info.name} defines records: {own}"


def test_a_screens_stylesheet_styles_that_screen_alone() -> None:
    """Textual keeps a screen's CSS file for the whole app once the screen has opened: an
    unscoped `#agenda` rule of the live session's reached the agenda builder's `#agenda`
    and changed its width. So every top-level rule in screens/*.tcss names its screen."""
    import re
    from pathlib import Path

    screens = Path(__file__).resolve().parents[2] / "screens"
    for sheet in sorted(screens.glob("*.tcss")):
        module = sheet.with_suffix(".py").read_text()
        (screen,) = re.findall(rf"class (\w+)\(.*\):\n(?:    .*\n|\n)*?    CSS_PATH = \"{sheet.name}\"", module)
        depth = 0
        for line in sheet.read_text().splitlines():
            text = re.sub(r"/\*.*?\*/", "", line).strip()
            if depth == 0 and text.endswith("{"):
                for selector in text[:-1].split(","):
                    assert re.match(rf"{screen}\b", selector.strip()), f"{sheet.name}: '{selector.strip()}'"
            depth += text.count("{") - text.count("}")

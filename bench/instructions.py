"""Instructions to the first frame, counted by valgrind: a start-up figure the machine's load cannot move.

    python bench/instructions.py [--db FILE] [--tree PATH]

On a shared machine two runs of the same start can differ by a third in time;
the instructions a start executes (valgrind's callgrind counts every one) do not
change from run to run. Each app is started at 120x40 on a stand-in terminal (a
Textual driver) and counted until it writes its first frame: the bare Textual app
(bench/bare_app.py), rm-tui on a new database, and rm-tui on five years of
meetings (bench/large_db.py, built in a scratch folder unless --db names one).
rm-tui loads first what its console script loads (the command line; since the
quick start, only what that needs, with the collector off), then the app. Ratios
are to the bare app, whole processes, the interpreter's own start in each.
--tree counts another checkout (before and after a change). Instructions are not
time: memory stalls and the disk are left out, so bench/run.py times the real thing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

BARE = f"""
import sys
sys.path.insert(0, {str(HERE)!r})
from bare_app import BareApp
{{run}}
"""

RM_TUI = """
{start}
from rm_tui.app import make_app
{run}
"""


def console_script_start(tree: Path) -> str:
    """What `tree`'s console script does before it opens the app, so older checkouts compare fairly."""
    entry = tree / "rm_tui" / "entry.py"
    text = entry.read_text() if entry.exists() else ""
    start = "import gc\ngc.disable()\n" if "gc.disable()" in text else ""
    if (tree / "rm_tui" / "launch.py").exists():  # the app opened without the command line
        return start + "import rm_tui.entry, rm_tui.quick_start, rm_tui.launch, rm_tui.passphrase"
    return start + "import rm_tui.__main__, rm_tui.passphrase"

RUN = """
import os
from textual.drivers.headless_driver import HeadlessDriver

class FirstFrame(HeadlessDriver):
    # A terminal that takes the first frame, and ends the count there: what a person sees first.
    @property
    def is_headless(self):
        return False  # so the app writes its frames, as to a real terminal

    def write(self, data):
        if len(data) > 1000:  # the first frame (not a mode switch or a cursor move)
            os._exit(0)

app = {make}
app.driver_class = FirstFrame
app.run(size=(120, 40))
"""


def count(program: str, tree: Path, env: dict[str, str]) -> int:
    """Instructions `python -c program` executes, whole process."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", program],
        capture_output=True, text=True, env={**env, "PYTHONPATH": str(tree)}, cwd=tree,
    )
    for line in result.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1].strip())
    sys.exit(f"bench: valgrind counted nothing:\n{result.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="five years of meetings (default: built here, about a minute)")
    parser.add_argument("--tree", type=Path, default=REPO, help="the rm-tui checkout to time (default: this one)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("bench: valgrind is not installed (apt-get install valgrind)")
    tree = args.tree.resolve()
    with tempfile.TemporaryDirectory() as folder:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["RM_TUI_TOPICS"] = f"{folder}/none"
        large = args.db
        if large is None:
            sys.path.insert(0, str(REPO))
            sys.path.insert(0, str(HERE))
            import large_db

            large = Path(folder) / "large.db"
            large_db.generate(large)
        # Once untimed, so each tree's byte code is written as an install writes it.
        start = console_script_start(tree)
        warm = RM_TUI.format(start=start, run=RUN.format(make=f"make_app({str(large)!r})"))
        subprocess.run([sys.executable, "-c", warm], env={**env, "PYTHONPATH": str(tree)}, cwd=tree,
                       capture_output=True, check=True)
        interpreter = count("pass", tree, env)
        bare = count(BARE.format(run=RUN.format(make="BareApp()")), tree, env)
        new = count(RM_TUI.format(start=start, run=RUN.format(make=f"make_app({str(Path(folder) / 'new.db')!r})")),
                    tree, env)
        years = count(RM_TUI.format(start=start, run=RUN.format(make=f"make_app({str(large)!r})")), tree, env)
    print(f"instructions to the first screen (valgrind), {tree.name}")
    print(f"{'python -c pass':<34}{interpreter / 1e6:>10,.0f} M")
    print(f"{'bare Textual app':<34}{bare / 1e6:>10,.0f} M")
    for label, figure in (("rm-tui, new database", new), ("rm-tui, five years", years)):
        print(f"{label:<34}{figure / 1e6:>10,.0f} M   {figure / bare:.2f}x the bare app")


if __name__ == "__main__":
    main()

"""The app's refusal to replace a file names the app's own checkbox, never the CLI's --force."""

from __future__ import annotations

from pathlib import Path

from rm_tui.files import OutputExists
from rm_tui.models import MentorshipSetup
from rm_tui.store import Store
from screens.ask import AskScreen
from screens.export_form import REPLACE_LABEL, ExportFormScreen, refusal_to_replace
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, screen_text, type_into


def test_the_refusal_names_the_checkbox() -> None:
    message = str(refusal_to_replace(OutputExists(Path("/x/notes.md"))))
    assert message == f'/x/notes.md already exists; tick "{REPLACE_LABEL}" to replace it'
    assert "--force" not in message


async def test_saving_the_ask_over_a_file_says_to_tick_replace(db_path: Path, store: Store, tmp_path: Path) -> None:
    store.set_up_mentorship(draft(mentor="Sam Ortiz"), MentorshipSetup(impressed_by="your launch"), [])
    target = tmp_path / "ask.txt"
    target.write_text("an older ask\n")
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ExportFormScreen)
        await type_into(pilot, path=str(target))
        await pilot.press("enter")
        await pilot.pause()
        text = " ".join(screen_text(app).split())  # the message may wrap
        assert f'{target} already exists; tick "{REPLACE_LABEL}" to replace it' in text
        assert "--force" not in text
        assert target.read_text() == "an older ask\n"
        await pilot.click("#replace")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ExportFormScreen)
    assert target.read_text().startswith("Hi Sam,")

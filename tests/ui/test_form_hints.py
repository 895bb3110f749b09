"""The hints inside empty fields are read whole, at the smallest size and a large one."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from screens.mentorship_form import MentorshipFormScreen
from tests.ui.helpers import open_app, open_screen, screen_text


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_hint_in_the_new_mentorship_form_fits_its_field(db_path: Path, size: tuple[int, int]) -> None:
    app = open_app(db_path)
    async with app.run_test(size=size) as pilot:
        form = await open_screen(pilot, "n", MentorshipFormScreen)
        cut = [(field.id, field.placeholder) for field in form.query(Input)
               if len(field.placeholder) >= field.content_size.width]  # the last cell is the cursor's
        assert cut == []
        # What a blank field means is said once, in the step's own words.
        text = screen_text(app)
        assert "leave the date blank if it was today" in text
        assert "(if blank, the ask offers credit and career advice)" in text

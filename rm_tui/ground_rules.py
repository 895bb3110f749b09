"""The ground rules a reverse mentorship runs on, in rm-tui's own words."""

RULES_SETTING = "rules.show_at_session_start"  # "yes" (default) or "no"

GROUND_RULES: tuple[tuple[str, str], ...] = (
    (
        "You carry the admin.",
        "You are the one learning, so you book the meetings, prepare the agenda and chase "
        "the follow-ups. Your mentor's time goes into teaching, not logistics.",
    ),
    (
        "What is said here stays here.",
        "Your mentor must be able to be blunt without it costing them anything. Keep "
        "private notes private and leave candid remarks off the record.",
    ),
    (
        "Rank stays at the door.",
        "When you disagree, ask to see it their way before you answer. Seniority is not "
        "an argument in this room.",
    ),
    (
        "Pay it back in public.",
        "Credit their ideas where decisions are made, put their name forward, open doors. "
        "That is what makes this a two-way street.",
    ),
)

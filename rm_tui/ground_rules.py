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

MENTOR_GROUND_RULES: tuple[tuple[str, str], ...] = (
    (
        "The leader carries the admin.",
        "Booking, the agenda and chasing follow-ups are theirs to do. Your part is what you "
        "know: bring it, and add to the agenda whatever you think they should hear.",
    ),
    (
        "What is said here stays here.",
        "Say it as bluntly as it needs saying; it will not be held against you. Your notes "
        "are shared with the leader, and theirs that are private stay theirs.",
    ),
    (
        "Rank stays at the door.",
        "In this room you are the one who knows more. Disagree out loud; seniority is not "
        "an argument here.",
    ),
    (
        "The leader pays it back in public.",
        "Expect credit for your ideas where decisions are made, and doors opened for you. "
        "That is what makes this a two-way street.",
    ),
)
"""The same rules, as the mentor's window shows them: addressed to the mentor."""


def ground_rules_for(is_mentor: bool) -> tuple[tuple[str, str], ...]:
    return MENTOR_GROUND_RULES if is_mentor else GROUND_RULES

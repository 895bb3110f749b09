"""The ask: the message a leader sends to invite a junior colleague to mentor them.

Drafted from the guided start's answers, so it is specific (what impressed the
leader, what they want to learn, how often) and two-way (what the leader offers).
The leader edits it before sending; rm-tui keeps their version.
"""

from __future__ import annotations

from .models import LearningGoal, Mentorship, MentorshipSetup
from .text import counted

RHYTHMS = {1: "every day", 7: "every week", 14: "every two weeks", 21: "every three weeks", 28: "every four weeks",
           30: "once a month", 31: "once a month"}
DEFAULT_OFFER = (
    "credit for your ideas where decisions are made, and a sounding board for anything about "
    "your own career you'd like to think through"
)


def rhythm(cadence_days: int) -> str:
    return RHYTHMS.get(cadence_days, f"every {counted(cadence_days, 'day')}")


def first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def draft_ask(mentorship: Mentorship, setup: MentorshipSetup, goals: list[LearningGoal]) -> str:
    """A first draft of the ask, in plain words; every answer left blank is simply left out."""
    paragraphs = [f"Hi {first_name(mentorship.mentor)},"]
    if setup.impressed_by:
        paragraphs.append(f"I keep coming back to {setup.impressed_by}. It showed me how much I still have to learn.")
    elif mentorship.expertise:
        paragraphs.append(f"You {mentorship.expertise}, and that is exactly what I want to understand better.")
    topic = mentorship.focus or "how your generation works and what it sees coming"
    questions = [g.question or g.gap for g in goals if g.question or g.gap]
    wish = f"I would like to learn about {topic}."
    if questions:
        heading = "The question on my mind" if len(questions) == 1 else "The questions on my mind"
        wish += f" {heading}:\n" + "\n".join(f"- {q}" for q in questions)
    paragraphs.append(wish)
    paragraphs.append(
        "Would you be my mentor for a while? You would be teaching me, and I would be the one asking "
        "the beginner's questions."
    )
    paragraphs.append(
        f"I have in mind 45 minutes {rhythm(mentorship.cadence_days)}, at times that suit you. "
        "I will do the scheduling and bring an agenda each time."
    )
    # The offer is typed as a noun ("introductions to my network") as often as a verb
    # ("share what I know about budgets"): as a point under a heading, either reads.
    offer = setup.offer.strip().rstrip(".") or DEFAULT_OFFER
    paragraphs.append(f"What I can offer you in return:\n- {offer}")
    if mentorship.manager_informed:
        paragraphs.append("I have already talked it through with your manager, who is supportive.")
    else:
        paragraphs.append("Before anything starts I will check with your manager that it fits your workload.")
    paragraphs.append("There is no pressure to say yes.")
    paragraphs.append(f"Thank you,\n{first_name(mentorship.leader)}")
    return "\n\n".join(paragraphs) + "\n"


def current_ask(mentorship: Mentorship, setup: MentorshipSetup, goals: list[LearningGoal]) -> str:
    """The leader's edited ask if there is one, else a fresh draft."""
    return setup.ask_text or draft_ask(mentorship, setup, goals)

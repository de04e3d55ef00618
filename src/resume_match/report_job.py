"""Text reports for a job posting (how it was read, a resume against it) and the career level."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from .experience import describe, month_name
from .levels import CareerFit
from .posting import Posting, Requirement
from .posting.fit import JobFit, SkillFit, TermFit
from .taxonomy import Level

Paint = Callable[..., str]


def plain(text: str, *styles: str) -> str:
    return text


def render_posting_text(posting: Posting, paint: Paint = plain, width: int = 100) -> str:
    """What ``resume-match job`` prints: every ask with the sentence that made it."""
    lines = [paint(posting.file, "bold"), f"  {posting.title}"]
    facts = [
        f"{len(posting.requirements)} skills asked ({len(posting.required)} required, "
        f"{len(posting.preferred)} preferred)",
        f"{len(posting.terms)} terms",
    ]
    if posting.experience_years is not None:
        facts.append(f"{posting.experience_years:g} years of experience")
    if posting.education is not None:
        strength = "required" if posting.education.required else "preferred"
        facts.append(f"{posting.education.text} ({strength})")
    lines.append(_wrap("Reads as: " + "; ".join(facts), width))
    if posting.boilerplate_words:
        lines.append(
            paint(
                f"  Left out as boilerplate (benefits, pay, equal opportunity, mission, title and "
                f"details): {posting.boilerplate_words} of {posting.words} words",
                "dim",
            )
        )
    for label, group, mark in (
        ("Required", posting.required, "+"),
        ("Preferred", posting.preferred, "~"),
    ):
        if group:
            lines += ["", paint(f"  {label}", "bold")]
            lines += [_ask_line(r, mark, paint, width) for r in group]
    if posting.terms:
        lines += ["", paint("  The posting's own terms", "bold")]
        for term in posting.terms:
            strength = "required " if term.required else "preferred"
            lines.append(f"  {strength} {term.kind:<13} {term.text}")
            lines.append(paint(f'      "{_shorten(term.ask.sentence, width - 8)}"', "dim"))
    lines += ["", paint(_CUE_LEGEND, "dim")]
    return "\n".join(lines) + "\n"


_CUE_LEGEND = (
    "  (stated) the posting says required or preferred in that sentence or its heading;\n"
    "  (duty) no cue, so it counts as required."
)


def render_job_text(job: JobFit, paint: Paint = plain, width: int = 100) -> str:
    """The ``--job`` part of ``check``: job score, what is missing (required first), years."""
    posting = job.posting
    met_weight = sum(s.weight for s in job.skills if s.met)
    total_weight = sum(s.weight for s in job.skills)
    required = [s for s in job.skills if s.requirement.required]
    preferred = [s for s in job.skills if not s.requirement.required]
    lines = [
        paint(f"Against the posting: {posting.file}", "bold"),
        f"  {posting.title}",
        f"  Job score {paint(f'{job.score:.0f}/100', 'bold')}   required "
        f"{sum(s.met for s in required)} of {len(required)} met, preferred "
        f"{sum(s.met for s in preferred)} of {len(preferred)}   "
        f"(100 x {met_weight:g} / {total_weight:g} weight)",
    ]
    if job.unmet:
        lines += ["", paint("  Missing for this posting (required first)", "bold")]
        for item in job.unmet:
            lines += _unmet_lines(item, paint, width)
    met = [s.requirement.skill.name for s in job.skills if s.met]
    met += [t.term.text for t in job.terms if t.met]
    if met:
        lines += ["", _wrap("Met: " + ", ".join(met), width)]
    lines += ["", *_experience_lines(job, paint)]
    if job.title is not None:
        how = "the same title" if job.title.how == "same" else "a common synonym"
        lines.append(
            f'  Title: "{job.title.resume_title}" matches "{job.title.posting_title}" ({how})'
        )
    else:
        lines.append(f'  Title: no title in the resume matches "{posting.title}" or its synonyms')
    return "\n".join(lines) + "\n"


def _ask_line(requirement: Requirement, mark: str, paint: Paint, width: int) -> str:
    ask = requirement.ask
    how = "stated" if ask.explicit else "duty"
    where = f"{ask.heading}, {how}" if ask.heading else how
    quote = _shorten(ask.sentence, width - 8)
    return f'  {mark} {requirement.skill.name}  {paint(f"({where})", "dim")}\n      "{quote}"'


def _unmet_lines(item: SkillFit | TermFit, paint: Paint, width: int) -> list[str]:
    if isinstance(item, SkillFit):
        req = item.requirement
        strength, name, ask = (
            ("REQUIRED" if req.required else "preferred"),
            req.skill.keyword,
            req.ask,
        )
        how = req.skill.hint
    else:
        term = item.term
        strength = "REQUIRED" if term.required else "preferred"
        name, ask, how = f"{term.text} ({term.kind})", term.ask, item.how
        if item.found:
            how = f"The resume shows {item.found}. {how}"
    tone = "red" if strength == "REQUIRED" else "yellow"
    where = f"{ask.heading}: " if ask.heading else ""
    lines = [f"  {paint('-', tone)} {paint(strength, tone)}  {name}"]
    lines.append(paint(f'      asked in {where}"{_shorten(ask.sentence, width - 20)}"', "dim"))
    if how:
        lines.append(_wrap(how, width, indent="      "))
    return lines


def _experience_lines(job: JobFit, paint: Paint) -> list[str]:
    experience, wanted = job.experience, job.posting.experience_years
    asked = f" against {wanted:g} asked" if wanted is not None else ""
    verdict = {True: ": met", False: ": NOT met", None: ""}[job.years_met]
    if not experience.dated:
        lines = [f"  Experience: no dated roles found{asked}; years cannot be added up"]
        return lines + [f"    {note}" for note in experience.notes]
    lines = [f"  Experience: {experience.years:g} years in relevant roles{asked}{verdict}"]
    for role in experience.roles:
        span = f"{month_name(role.start)} - {month_name(role.end - 1)} = {describe(role.months)}"
        counted = "" if role.relevant else "   not counted: no skill the posting asks for"
        lines.append(f"    {role.title or 'role'}, {role.dates}: {span}{counted}")
    if experience.overlap_months:
        lines.append(f"    overlaps counted once: -{describe(experience.overlap_months)}")
    lines.append(
        f"    total: {describe(experience.months)} = {experience.months} months / 12 "
        f"= {experience.years:g} years"
    )
    return lines + [paint(f"    note: {note}", "yellow") for note in experience.notes]


def _shorten(text: str, width: int) -> str:
    return textwrap.shorten(text, width=max(width, 20), placeholder="...")


def _wrap(text: str, width: int, indent: str = "  ") -> str:
    return textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=indent + "  ")


def render_career_text(career: CareerFit, paint: Paint = plain, width: int = 100) -> str:
    """Which career level the evidence supports, its evidence, and what the next level needs."""
    best = career.best
    lines = [paint(f"Career level: {best.level.name} ({_years(best.level)})", "bold")]
    years = (
        f"{career.years:g} years from the dates"
        if career.years is not None
        else "no dates to count years from"
    )
    lines.append(f"  {best.shown} of {len(best.needs)} of its needs shown; {years}")
    for need in best.needs:
        if need.shown:
            quote = _shorten(need.evidence[0].text, width - 10)
            lines.append(f"  {paint('+', 'green')} {need.skill.name}")
            lines.append(paint(f'      "{quote}"', "dim"))
    upper = career.next
    if upper is not None:
        wanted = max(upper.level.enough - upper.shown, 0)
        lines += [
            "",
            paint(f"  Next level up: {upper.level.name} ({_years(upper.level)})", "bold"),
            f"  {upper.shown} of {len(upper.needs)} shown, {upper.level.enough} needed"
            + (f" ({wanted} more)" if wanted else ""),
        ]
        if upper.years_ok is False and career.years is not None:
            lines.append(
                f"  years: {career.years:g} from the dates, {upper.level.years[0]:g} needed"
            )
        for need in upper.needs:
            if need.shown:
                lines.append(f"  {paint('+', 'green')} {need.skill.name}")
            else:
                lines.append(f"  {paint('-', 'red')} {need.skill.keyword}")
                if need.skill.hint:
                    lines.append(paint(_wrap(need.skill.hint, width, indent="      "), "dim"))
    fits = ", ".join(f"{f.level.id} {f.fit:g}" for f in career.levels)
    lines += ["", _wrap(f"Level fit (0-100): {fits}", width)]
    return "\n".join(lines) + "\n"


def _years(level: Level) -> str:
    low, high = level.years
    return f"{low:g}+ years" if high is None else f"{low:g}-{high:g} years"

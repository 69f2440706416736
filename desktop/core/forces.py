"""Police forces an interviewee may have reported to: the 43 territorial forces of England and
Wales, British Transport Police, Police Scotland, the Police Service of Northern Ireland, and
"unknown". Their names are facts of the complaint and are never redacted."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Force:
    code: str
    name: str
    # Other ways people write the force's name (kept by redaction, recognised in statements).
    aliases: tuple[str, ...] = ()


FORCES: tuple[Force, ...] = (
    Force("avon-somerset", "Avon and Somerset Constabulary", ("Avon and Somerset Police",)),
    Force("bedfordshire", "Bedfordshire Police"),
    Force("cambridgeshire", "Cambridgeshire Constabulary", ("Cambridgeshire Police",)),
    Force("cheshire", "Cheshire Constabulary", ("Cheshire Police",)),
    Force("city-of-london", "City of London Police"),
    Force("cleveland", "Cleveland Police"),
    Force("cumbria", "Cumbria Constabulary", ("Cumbria Police",)),
    Force("derbyshire", "Derbyshire Constabulary", ("Derbyshire Police",)),
    Force("devon-cornwall", "Devon and Cornwall Police", ("Devon & Cornwall Police",)),
    Force("dorset", "Dorset Police"),
    Force("durham", "Durham Constabulary", ("Durham Police",)),
    Force("dyfed-powys", "Dyfed-Powys Police"),
    Force("essex", "Essex Police"),
    Force("gloucestershire", "Gloucestershire Constabulary", ("Gloucestershire Police",)),
    Force("greater-manchester", "Greater Manchester Police", ("GMP",)),
    Force("gwent", "Gwent Police"),
    Force("hampshire", "Hampshire and Isle of Wight Constabulary", ("Hampshire Constabulary", "Hampshire Police")),
    Force("hertfordshire", "Hertfordshire Constabulary", ("Hertfordshire Police", "Herts Police")),
    Force("humberside", "Humberside Police"),
    Force("kent", "Kent Police"),
    Force("lancashire", "Lancashire Constabulary", ("Lancashire Police",)),
    Force("leicestershire", "Leicestershire Police"),
    Force("lincolnshire", "Lincolnshire Police"),
    Force("merseyside", "Merseyside Police"),
    Force("metropolitan", "Metropolitan Police Service", ("Metropolitan Police", "the Met", "Met Police", "MPS")),
    Force("norfolk", "Norfolk Constabulary", ("Norfolk Police",)),
    Force("north-wales", "North Wales Police"),
    Force("north-yorkshire", "North Yorkshire Police"),
    Force("northamptonshire", "Northamptonshire Police"),
    Force("northumbria", "Northumbria Police"),
    Force("nottinghamshire", "Nottinghamshire Police"),
    Force("south-wales", "South Wales Police"),
    Force("south-yorkshire", "South Yorkshire Police"),
    Force("staffordshire", "Staffordshire Police"),
    Force("suffolk", "Suffolk Constabulary", ("Suffolk Police",)),
    Force("surrey", "Surrey Police"),
    Force("sussex", "Sussex Police"),
    Force("thames-valley", "Thames Valley Police"),
    Force("warwickshire", "Warwickshire Police"),
    Force("west-mercia", "West Mercia Police"),
    Force("west-midlands", "West Midlands Police"),
    Force("west-yorkshire", "West Yorkshire Police"),
    Force("wiltshire", "Wiltshire Police"),
    Force("btp", "British Transport Police", ("BTP",)),
    Force("scotland", "Police Scotland"),
    Force("psni", "Police Service of Northern Ireland", ("PSNI",)),
    Force("unknown", "Unknown"),
)

TERRITORIAL_ENGLAND_WALES = 43

_BY_CODE = {f.code: f for f in FORCES}


def force_by_code(code: str) -> Force:
    try:
        return _BY_CODE[code]
    except KeyError:
        raise ValueError("unknown police force code") from None


def all_force_names() -> tuple[str, ...]:
    """Every way of writing every force's name (for the redaction allow-list)."""
    names: list[str] = []
    for f in FORCES:
        if f.code != "unknown":
            names.append(f.name)
            names.extend(f.aliases)
    return tuple(names)
